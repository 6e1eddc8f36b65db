import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCircular, parseDependencyTree } from 'dpdm';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const sources = ['packages/*/src/**/*.ts', 'pipelines/src/**/*.ts'];

function indexFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'fixtures')
      found.push(...indexFiles(path));
    else if (entry.name === 'index.ts') found.push(path);
  }
  return found;
}

describe('source structure', () => {
  it('has no import cycle, type-only imports included', async () => {
    const tree = await parseDependencyTree(sources, {
      context: root,
      cwd: root,
      transform: false,
      exclude: /\/node_modules\/|\/dist\//,
      skipDynamicImports: false,
    });
    expect(Object.keys(tree).length).toBeGreaterThan(100);
    expect(parseCircular(tree).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('keeps every index.ts to export statements', () => {
    const files = [
      ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'src')),
      join(root, 'pipelines/src'),
    ].flatMap(indexFiles);
    expect(files.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const file of files) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
      for (const statement of source.statements) {
        if (!ts.isExportDeclaration(statement))
          offenders.push(
            `${file.slice(root.length)}:${source.getLineAndCharacterOfPosition(statement.getStart(source)).line + 1}`,
          );
      }
    }
    expect(offenders).toEqual([]);
  });
});
