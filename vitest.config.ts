import { defineConfig } from 'vitest/config';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

// Tests import workspace packages from their TypeScript sources, so no build is needed to test.
// A subpath export (`@govdocs/crawl/lookup`) is the source file of that name.
const subpaths = { find: /^@govdocs\/([a-z-]+)\/([a-z-]+)$/, replacement: `${resolve('packages')}/$1/src/$2.ts` };
const packages = readdirSync('packages').map((name) => ({
  find: new RegExp(`^@govdocs/${name}$`),
  replacement: resolve('packages', name, 'src/index.ts'),
}));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@govdocs\/pipelines\/pipeline$/, replacement: resolve('pipelines/src/pipeline.ts') },
      subpaths,
      ...packages,
      { find: /^@govdocs\/pipelines$/, replacement: resolve('pipelines/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'pipelines/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
