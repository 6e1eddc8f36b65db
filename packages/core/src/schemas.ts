/**
 * The canonical records of ../shared/spec/CANONICAL.md as zod schemas. Every line `run` writes
 * is parsed with these first; `schemas/` holds the JSON Schema generated from them.
 */
import { z } from 'zod';
import { RULE_IDS } from './rules.js';

export const SCHEMA_VERSION = '1';

export const DOCUMENT_KINDS = ['final_account', 'budget', 'performance', 'unknown'] as const;
export const TABLE_KINDS = [
  'summary',
  'income',
  'expenditure',
  'appropriation_summary',
  'general_budget',
  'general_budget_basic',
  'government_fund',
  'state_capital',
  'three_public',
  'project_expenditure',
  'performance_indicators',
  'other',
] as const;
export const TABLE_UNITS = ['yuan', 'ten_thousand_yuan', 'thousand_yuan'] as const;
export const SEVERITIES = ['error', 'warning', 'info'] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type TableKind = (typeof TABLE_KINDS)[number];
export type TableUnit = (typeof TABLE_UNITS)[number];

const bbox = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const REGION_LEVELS = ['province', 'prefecture', 'county'] as const;

export const RegionSchema = z.object({
  /** 6-digit GB/T 2260 code of the publishing government (110000, 440100, 530427). */
  code: z.string().regex(/^\d{6}$/),
  name: z.string(),
  /** Its GB/T 2260 level; a municipality (北京市) is a province. */
  level: z.enum(REGION_LEVELS),
  /** The province it lies in (itself for a province). */
  province: z.string().nullable(),
  /** The prefecture it lies in (itself for a prefecture, the municipality for its districts). */
  prefecture: z.string().nullable(),
  /** The spelling found in the document. */
  raw: z.string().nullable(),
  confidence: z.number().min(0).max(1),
});

export const DocumentRecordSchema = z.object({
  id: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  source: z.object({
    path: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().nonnegative(),
    mediaType: z.string(),
    url: z.string().nullable(),
    /** A member of an archive: the archive file's sha256 (source.path is `archive.zip!/inner/x.pdf`). */
    container: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  }),
  kind: z.enum(DOCUMENT_KINDS),
  fiscalYear: z.number().int().min(1990).max(2100).nullable(),
  title: z.string().nullable(),
  region: RegionSchema.nullable(),
  department: z.object({ name: z.string(), raw: z.array(z.string()) }).nullable(),
  pages: z.number().int().nonnegative(),
  script: z.enum(['simplified', 'traditional']),
  tables: z.number().int().nonnegative(),
  /** Pages whose text came from OCR (scanned pages). */
  ocrPages: z.array(z.number().int().positive()).optional(),
});

export const CellSchema = z.object({
  r: z.number().int().nonnegative(),
  c: z.number().int().nonnegative(),
  rs: z.number().int().positive(),
  cs: z.number().int().positive(),
  text: z.string(),
  page: z.number().int().positive().optional(),
  bbox: bbox.optional(),
  sheet: z.string().optional(),
  ref: z.string().optional(),
  line: z.number().int().positive().optional(),
});

export const ColumnSchema = z.object({
  /** 0-based grid column. */
  col: z.number().int().nonnegative(),
  /** Header words from the top of the header block down. */
  path: z.array(z.string()),
  /** Dotted measure token, null for label/code/row-number columns. */
  measure: z.string().nullable(),
  panel: z.enum(['income', 'expenditure']).optional(),
});

export const TableRecordSchema = z.object({
  id: z.string().regex(/^sha256:[0-9a-f]{64}#\d+$/),
  documentId: z.string(),
  kind: z.enum(TABLE_KINDS),
  title: z.string().nullable(),
  code: z.string().nullable(),
  unit: z.enum(TABLE_UNITS).nullable(),
  department: z.string().nullable(),
  pages: z.array(z.number().int().positive()),
  columns: z.array(ColumnSchema),
  rows: z.number().int().nonnegative(),
  cells: z.array(CellSchema),
});

export const SubjectSchema = z.union([
  z
    .object({ scheme: z.enum(['function', 'economic']), code: z.string().regex(/^\d{3,7}$/), name: z.string() })
    .strict(),
  z.object({ item: z.string().startsWith('three_public.') }).strict(),
  z.object({ label: z.string(), panel: z.enum(['income', 'expenditure']).optional() }).strict(),
]);

const position = {
  page: z.number().int().positive().optional(),
  line: z.number().int().positive().optional(),
  sheet: z.string().optional(),
  ref: z.string().optional(),
};

export const FactRecordSchema = z.object({
  documentId: z.string(),
  tableId: z.string(),
  tableKind: z.enum(TABLE_KINDS),
  subject: SubjectSchema,
  measure: z.string().min(1),
  /** Yuan for money; the number itself for counts and percentages. */
  value: z.number().finite(),
  unit: z.enum(['yuan', 'count', 'percent']),
  source: z.object({
    text: z.string(),
    rowLabel: z.string().nullable(),
    columnPath: z.array(z.string()),
    row: z.number().int().nonnegative(),
    col: z.number().int().nonnegative(),
    ...position,
    /** Read by OCR: the recogniser's confidence for the cell, in [0, 1]. */
    ocr: z.number().min(0).max(1).optional(),
  }),
});

export const INDICATOR_STAGES = ['target', 'self_assessment'] as const;

export const IndicatorRecordSchema = z.object({
  documentId: z.string(),
  tableId: z.string(),
  project: z.string().nullable(),
  /** The project's funds in yuan as printed with it (项目总额, 总计, 当年预算金额), else null. */
  amount: z.number().finite().nullable(),
  level1: z.string().nullable(),
  level2: z.string().nullable(),
  level3: z.string(),
  operator: z.enum(['>=', '<=', '=', '>', '<']).nullable(),
  target: z.string().nullable(),
  targetValue: z.number().finite().nullable(),
  unit: z.string().nullable(),
  actual: z.string().nullable(),
  weight: z.number().finite().nullable(),
  score: z.number().finite().nullable(),
  note: z.string().nullable(),
  /** `target` for 绩效目标表 rows (no result columns), `self_assessment` for 绩效自评表 rows. */
  stage: z.enum(INDICATOR_STAGES),
  source: z.object({ row: z.number().int().nonnegative(), ...position }),
});

export const STATEMENT_TOPICS = [
  'income.total',
  'income.fiscal_appropriation',
  'expenditure.total',
  'expenditure.basic',
  'expenditure.project',
  'general_budget',
  'government_fund',
  'state_capital',
  'three_public.total',
  'three_public.overseas',
  'three_public.vehicles',
  'three_public.vehicle_purchase',
  'three_public.vehicle_operation',
  'three_public.reception',
  'operating_costs',
  'procurement',
  'function',
  'other',
] as const;

export const StatementRecordSchema = z.object({
  documentId: z.string(),
  /** Page the sentence starts on (paged formats). */
  page: z.number().int().positive().optional(),
  /** Source line the sentence starts on (text dumps). */
  line: z.number().int().positive().optional(),
  /** 1-based number of the sentence on its page (in the whole document for formats without pages). */
  sentence: z.number().int().positive(),
  text: z.string().min(1),
  topic: z.enum(STATEMENT_TOPICS),
  /** The 类/款/项 line a `function` statement names, resolved to its code where it could be. */
  subject: z
    .object({
      scheme: z.enum(['function', 'economic']),
      code: z
        .string()
        .regex(/^\d{3,7}$/)
        .nullable(),
      name: z.string(),
    })
    .strict()
    .nullable(),
  value: z.number().finite(),
  unit: z.literal('yuan'),
  printed: z.string(),
  /** The printed precision in yuan (938.99万元 → 100). */
  precision: z.number().positive(),
  change: z
    .object({
      against: z.string().nullable(),
      direction: z.enum(['increase', 'decrease', 'flat']).nullable(),
      value: z.number().finite().nullable(),
      percent: z.number().finite().nullable(),
    })
    .strict()
    .nullable(),
  purpose: z.string().nullable(),
  reason: z.string().nullable(),
  tableFact: z
    .object({
      tableId: z.string(),
      row: z.number().int().nonnegative(),
      col: z.number().int().nonnegative(),
      value: z.number().finite(),
    })
    .strict()
    .nullable(),
});

export const IssueRecordSchema = z.object({
  documentId: z.string().nullable(),
  tableId: z.string().nullable(),
  severity: z.enum(SEVERITIES),
  rule: z.enum(RULE_IDS),
  message: z.string().min(1),
  expected: z.union([z.number(), z.string()]).nullable(),
  actual: z.union([z.number(), z.string()]).nullable(),
  /** The stage that raised it. */
  stage: z.string(),
  source: z.object({
    file: z.string(),
    row: z.number().int().nonnegative().optional(),
    col: z.number().int().nonnegative().optional(),
    ...position,
  }),
});

export const ManifestSchema = z.object({
  tool: z.object({ name: z.literal('govdocs'), version: z.string() }),
  schemaVersion: z.string(),
  pipeline: z.object({ name: z.string(), version: z.string() }),
  command: z.array(z.string()),
  inputs: z.object({ files: z.number().int().nonnegative(), byMediaType: z.record(z.string(), z.number().int()) }),
  counts: z.object({
    documents: z.number().int().nonnegative(),
    tables: z.number().int().nonnegative(),
    facts: z.number().int().nonnegative(),
    indicators: z.number().int().nonnegative(),
    statements: z.number().int().nonnegative(),
    issues: z.number().int().nonnegative(),
    issuesByFamily: z.record(z.string(), z.number().int()),
    issuesBySeverity: z.record(z.string(), z.number().int()),
  }),
  failures: z.array(z.object({ path: z.string(), reason: z.string() })),
  timings: z.object({
    totalMs: z.number().nonnegative(),
    byStageMs: z.record(z.string(), z.number().nonnegative()),
    docsPerSecond: z.number().nonnegative(),
    /** Pages (PDF pages; 1 per sheet-less document) read per second of the whole run. */
    pagesPerSecond: z.number().nonnegative().optional(),
    /** Time the main thread spent merging the parts into the jsonl files at the end of the run. */
    mergeMs: z.number().nonnegative().optional(),
  }),
  /** Peak resident memory of the whole process, worker threads included. */
  peakRssBytes: z.number().int().nonnegative(),
  workers: z.number().int().positive(),
  /** What this run did with its inputs: parsed now, taken from an earlier run's parts, skipped. */
  run: z
    .object({
      processed: z.number().int().nonnegative(),
      resumed: z.number().int().nonnegative(),
      duplicates: z.number().int().nonnegative(),
      timeouts: z.number().int().nonnegative(),
      crashes: z.number().int().nonnegative(),
      pages: z.number().int().nonnegative(),
      /** The largest V8 heap a worker thread reported. */
      peakWorkerHeapBytes: z.number().int().nonnegative(),
    })
    .optional(),
});

export type DocumentRecord = z.infer<typeof DocumentRecordSchema>;
export type Region = z.infer<typeof RegionSchema>;
export type TableRecord = z.infer<typeof TableRecordSchema>;
export type ColumnInfo = z.infer<typeof ColumnSchema>;
export type CellRecord = z.infer<typeof CellSchema>;
export type Subject = z.infer<typeof SubjectSchema>;
export type FactRecord = z.infer<typeof FactRecordSchema>;
export type IndicatorStage = (typeof INDICATOR_STAGES)[number];
export type IndicatorRecord = z.infer<typeof IndicatorRecordSchema>;
export type StatementTopic = (typeof STATEMENT_TOPICS)[number];
export type StatementRecord = z.infer<typeof StatementRecordSchema>;
export type IssueRecord = z.infer<typeof IssueRecordSchema>;
export type Manifest = z.infer<typeof ManifestSchema>;

/** The record schemas by output file, for the writer and the JSON Schema generator. */
export const RECORD_SCHEMAS = {
  document: DocumentRecordSchema,
  table: TableRecordSchema,
  fact: FactRecordSchema,
  indicator: IndicatorRecordSchema,
  statement: StatementRecordSchema,
  issue: IssueRecordSchema,
  manifest: ManifestSchema,
} as const;
