export * from './place.js';
export * from './diagnostic.js';
export * from './model.js';
export * from './schemas.js';
export * from './amount.js';
export * from './text.js';
export * from './output.js';
export * from './json-schema.js';
