import { RULE_FAMILIES, RULE_LIST } from './rules.js';

/** What each family means (CANONICAL.md, issues.jsonl). */
const FAMILY_MEANING: Record<(typeof RULE_FAMILIES)[number], string> = {
  sum: 'A total differs from its parts, beyond the rounding its unit allows',
  balance: 'Income and expenditure totals of a summary table differ',
  crosstable: 'The same figure differs between two tables of one document',
  code: 'A classification code is unknown, its name is not the national name, or its parent is missing',
  name: 'A region or department spelling was corrected or could not be resolved',
  unit: 'The unit is missing, or a value is implausible for the stated unit',
  narrative: 'A figure stated in the prose disagrees with the tables',
  parse: 'A cell or table could not be read; the document was still processed',
  document: 'The document could not be read at all, or lacks a table its kind requires; the run went on',
};

/** docs/rules.md: every rule of rules.ts as a table, by family. */
export function rulesMarkdown(): string {
  const lines = [
    '# Rules',
    '',
    'Every `rule` an issue in issues.jsonl can carry. Generated from packages/core/src/rules.ts by',
    '`pnpm build && pnpm schemas`; do not edit by hand. The severity is the default: a stage may raise',
    'a rule at another where the case is milder or graver (a `parse.cell` reading 无 is info).',
    '',
  ];
  for (const family of RULE_FAMILIES) {
    lines.push(`## ${family}`, '', `${FAMILY_MEANING[family]}.`, '');
    const rules = RULE_LIST.filter((r) => r.family === family);
    if (!rules.length) {
      lines.push('No rule of this family is raised yet.', '');
      continue;
    }
    lines.push('| rule | severity | meaning |', '| --- | --- | --- |');
    for (const r of rules) lines.push(`| \`${r.id}\` | ${r.severity} | ${r.description} |`);
    lines.push('');
  }
  return lines.join('\n');
}
