import { defineConfig } from 'vitest/config';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

// Tests import workspace packages from their TypeScript sources, so no build is needed to test.
const packages = readdirSync('packages').map((name) => ({ find: `@govdocs/${name}`, replacement: resolve('packages', name, 'src/index.ts') }));

export default defineConfig({
  resolve: { alias: [...packages, { find: '@govdocs/pipelines', replacement: resolve('pipelines/src/index.ts') }] },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'pipelines/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
