/**
 * Every rule a diagnostic can name, by family (CANONICAL.md, issues.jsonl), with its default
 * severity and what it means. The issue schema, the JSON Schema and docs/rules.md are made from
 * this list; a rule not listed here cannot be raised (the type) nor written (the schema).
 */
export type Severity = 'error' | 'warning' | 'info';

type RuleTable = Record<string, Record<string, readonly [Severity, string]>>;

export const RULES = {
  sum: {
    children: ['error', 'a 类/款 line differs from the sum of the lines coded under it'],
    total_row: ['error', 'a 合计/总计 row differs from the sum of the rows it totals'],
    columns: ['error', 'a total column differs from the sum of its component columns on the same line'],
    items: ['error', 'a 三公经费 total differs from the sum of its items'],
    lines: ['error', "a summary table's year total differs from the sum of its income or expenditure lines"],
    unchecked: ['info', 'sums that could not be checked: which lines or columns are parts of which was not clear'],
  },
  balance: {
    totals: ['error', "a summary table's income total differs from its expenditure total"],
    carryover: ['error', "a summary table's grand total differs from the year's total plus the carry-over lines"],
  },
  crosstable: {
    income_total: ['error', 'the income table total differs from the summary table'],
    expenditure_total: ['error', 'the expenditure table total differs from the summary table'],
    expenditure_class: ['error', 'a 类 line of the expenditure table differs from the same line of the summary table'],
    basic_expenditure: [
      'error',
      'a basic-expenditure figure of the general-budget table differs from the basic-expenditure table',
    ],
    general_budget_total: ['error', 'the general-budget table total differs from the appropriation summary'],
    general_budget_class: ['error', 'a 类 line of the general-budget table differs from the appropriation summary'],
  },
  code: {
    unknown: ['info', 'a classification code that is not in the national list'],
    name: ['warning', 'a classification code printed with a name other than its national name'],
    outdated: ['info', "a classification code printed with its national name of another year's list"],
    hierarchy: ['warning', 'a classification code whose parent code is missing from the table'],
    unchecked: ['info', 'classification codes were not checked: the national list could not be read'],
  },
  name: {
    region: ['warning', 'the publishing region could not be told, or its spelling was corrected'],
  },
  unit: {},
  narrative: {
    mismatch: ['error', 'a figure stated in the prose disagrees with the table'],
    change: ['error', "a change stated in the prose disagrees with the table's previous-year figures"],
  },
  parse: {
    cell: ['warning', 'a cell in a figure column is not a number; no fact was read from it'],
    header: ['warning', 'a header printed shifted against its data was moved to fit; its measures need checking'],
    indicator: ['warning', 'a figure cell of a performance-indicator row is not a number; it is left empty'],
    table: ['warning', 'a table could not be aligned; its cells are kept as kind other, with no facts'],
    page: ['error', 'a PDF page could not be read'],
    scanned: ['error', 'a scanned PDF page was not read (OCR off or unavailable); its figures are missing'],
    ocr: ['warning', 'OCR failed on a scanned page, or read it with low confidence'],
  },
  document: {
    missing: ['error', 'an input path does not exist or matched no file'],
    too_large: ['error', 'the file is over the --max-bytes limit and was not read'],
    unreadable: ['error', 'the file or its container could not be read'],
    empty: ['error', 'the file has nothing to read'],
    unsupported: ['error', 'the file is of a kind govdocs does not read'],
    corrupt: ['error', 'the PDF is damaged or not a PDF'],
    encrypted: ['error', 'the PDF is encrypted (a warning when it opened with an empty password)'],
    password: ['error', 'the Office file is password-protected'],
    not_zip: ['error', 'the file starts like DOCX/XLSX but is not a readable zip'],
    zip_bomb: ['error', 'an archive or Office file expands beyond the safety limits and was refused'],
    encoding: ['error', 'the page text could not be decoded'],
    truncated: ['warning', 'a sheet is over the row or cell limit; only its first part was read'],
    no_table: ['info', 'the document has no data table; its text is kept'],
    missing_table: ['warning', "a table the document's kind requires is missing, with no 空表说明"],
    mislabelled: ['warning', "the file's extension does not match its bytes; it was read by its bytes"],
    duplicate: ['info', 'the same bytes as another input; read once'],
    timeout: ['error', 'parsing took longer than --timeout; the document was skipped'],
    crash: ['error', 'the parser failed on the document; it was skipped'],
    stray_error: [
      'warning',
      'a parser library failed in the background while reading the file; its records may be incomplete',
    ],
  },
} as const satisfies RuleTable;

export type RuleFamily = keyof typeof RULES;
/** `family.detail` of one listed rule. */
export type RuleId = { [F in RuleFamily]: `${F}.${keyof (typeof RULES)[F] & string}` }[RuleFamily];
/** The details of one family: `RuleDetail<'document'>` is `'missing' | 'too_large' | …`. */
export type RuleDetail<F extends RuleFamily> = keyof (typeof RULES)[F] & string;

export interface RuleInfo {
  id: RuleId;
  family: RuleFamily;
  severity: Severity;
  description: string;
}

export const RULE_FAMILIES = Object.keys(RULES) as RuleFamily[];

export const RULE_LIST: readonly RuleInfo[] = RULE_FAMILIES.flatMap((family) =>
  Object.entries(RULES[family] as Record<string, readonly [Severity, string]>).map(
    ([detail, [severity, description]]) => ({ id: `${family}.${detail}` as RuleId, family, severity, description }),
  ),
);

export const RULE_IDS = RULE_LIST.map((r) => r.id) as [RuleId, ...RuleId[]];

const BY_ID = new Map(RULE_LIST.map((r) => [r.id as string, r]));

export function isRuleId(id: string): id is RuleId {
  return BY_ID.has(id);
}

export function ruleInfo(id: RuleId): RuleInfo {
  return BY_ID.get(id)!;
}
