/**
 * The SQL that turns an output folder's jsonl files into tidy tables. Each file is read by DuckDB's
 * read_json with every column typed here, so a field another stage adds later is ignored and a
 * field an older run lacks is NULL: the export works on the output of any version of the contract.
 * Money is DECIMAL(18,2) (yuan to the fen), years and positions INTEGER.
 */

export type RecordFile = 'documents' | 'tables' | 'facts' | 'indicators' | 'issues' | 'statements';

const POSITION = 'page INTEGER, line INTEGER, sheet VARCHAR, ref VARCHAR';

/** The read_json column types of each file (only the fields the export uses). */
export const COLUMNS: Record<RecordFile, Record<string, string>> = {
  documents: {
    id: 'VARCHAR',
    source: 'STRUCT(path VARCHAR, sha256 VARCHAR, bytes BIGINT, mediaType VARCHAR, url VARCHAR, container VARCHAR)',
    kind: 'VARCHAR',
    fiscalYear: 'INTEGER',
    title: 'VARCHAR',
    region:
      'STRUCT(code VARCHAR, name VARCHAR, level VARCHAR, province VARCHAR, prefecture VARCHAR, raw VARCHAR, confidence DOUBLE)',
    department: 'STRUCT(name VARCHAR, raw VARCHAR[])',
    pages: 'INTEGER',
    ocrPages: 'INTEGER[]',
    script: 'VARCHAR',
    tables: 'INTEGER',
  },
  tables: {
    id: 'VARCHAR',
    documentId: 'VARCHAR',
    kind: 'VARCHAR',
    title: 'VARCHAR',
    code: 'VARCHAR',
    unit: 'VARCHAR',
    department: 'VARCHAR',
    pages: 'INTEGER[]',
    columns: 'STRUCT(col INTEGER, path VARCHAR[], measure VARCHAR, panel VARCHAR)[]',
    rows: 'INTEGER',
    cells: 'JSON',
  },
  facts: {
    documentId: 'VARCHAR',
    tableId: 'VARCHAR',
    tableKind: 'VARCHAR',
    subject: 'STRUCT(scheme VARCHAR, code VARCHAR, name VARCHAR, item VARCHAR, label VARCHAR, panel VARCHAR)',
    measure: 'VARCHAR',
    value: 'DOUBLE',
    unit: 'VARCHAR',
    source: `STRUCT(text VARCHAR, rowLabel VARCHAR, columnPath VARCHAR[], "row" INTEGER, col INTEGER, ${POSITION}, ocr DOUBLE)`,
  },
  indicators: {
    documentId: 'VARCHAR',
    tableId: 'VARCHAR',
    project: 'VARCHAR',
    amount: 'DOUBLE',
    level1: 'VARCHAR',
    level2: 'VARCHAR',
    level3: 'VARCHAR',
    operator: 'VARCHAR',
    target: 'VARCHAR',
    targetValue: 'DOUBLE',
    unit: 'VARCHAR',
    actual: 'VARCHAR',
    weight: 'DOUBLE',
    score: 'DOUBLE',
    note: 'VARCHAR',
    stage: 'VARCHAR',
    source: `STRUCT("row" INTEGER, ${POSITION})`,
  },
  issues: {
    documentId: 'VARCHAR',
    tableId: 'VARCHAR',
    severity: 'VARCHAR',
    rule: 'VARCHAR',
    message: 'VARCHAR',
    expected: 'JSON',
    actual: 'JSON',
    stage: 'VARCHAR',
    source: `STRUCT(file VARCHAR, "row" INTEGER, col INTEGER, ${POSITION})`,
  },
  statements: {
    documentId: 'VARCHAR',
    page: 'INTEGER',
    sentence: 'INTEGER',
    text: 'VARCHAR',
    topic: 'VARCHAR',
    subject: 'STRUCT(scheme VARCHAR, code VARCHAR, name VARCHAR)',
    value: 'DOUBLE',
    unit: 'VARCHAR',
    printed: 'VARCHAR',
    precision: 'DOUBLE',
    change: 'STRUCT(against VARCHAR, direction VARCHAR, value DOUBLE, percent DOUBLE)',
    purpose: 'VARCHAR',
    reason: 'VARCHAR',
    tableFact: 'STRUCT(tableId VARCHAR, "row" INTEGER, col INTEGER, value DOUBLE)',
  },
};

export function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export function readJsonSql(file: RecordFile, path: string): string {
  const columns = Object.entries(COLUMNS[file])
    .map(([k, v]) => `${k}: ${quote(v)}`)
    .join(', ');
  // A table of a large document is one long line: allow lines up to 64 MB (DuckDB holds two such buffers per thread).
  return `read_json(${quote(path)}, format = 'newline_delimited', maximum_object_size = 67108864, columns = {${columns}})`;
}

/** Yuan to the fen, from the double JSON gives (3871094.01 is 3871094.0099999998 in binary). */
const money = (expr: string) => `CAST(round(${expr}, 2) AS DECIMAL(18,2))`;

/** The document's fields every table carries, from the `documents` table (alias d). */
const DOC_FIELDS = `d.region_code, d.region_name, d.region_level, d.region_current, d.region_current_name, d.province, d.prefecture,
  d.fiscal_year, d.document_kind, d.department, d.source_path`;

export function documentsSql(path: string): string {
  return `SELECT x.id AS document_id, x.source.path AS source_path, x.source.sha256 AS sha256, x.source.bytes AS bytes,
    x.source.mediaType AS media_type, x.source.url AS url, x.source.container AS container,
    x.kind AS document_kind, x.fiscalYear AS fiscal_year, x.title,
    x.region.code AS region_code, x.region.name AS region_name, x.region.level AS region_level,
    coalesce(r.code, x.region.code) AS region_current, coalesce(r.name, x.region.name) AS region_current_name,
    x.region.province AS province, x.region.prefecture AS prefecture, x.region.raw AS region_raw,
    x.region.confidence AS region_confidence, x.department.name AS department,
    x.pages, coalesce(len(x.ocrPages), 0)::INTEGER AS ocr_pages, x.script, x.tables
  FROM ${readJsonSql('documents', path)} x LEFT JOIN region_renames r ON r.old_code = x.region.code
  ORDER BY document_id`;
}

/** Table records without their cells (`cells` counts them). */
export function tablesSql(path: string): string {
  return `SELECT x.id AS table_id, x.documentId AS document_id, ${DOC_FIELDS}, x.kind AS table_kind, x.title AS table_title,
    x.code AS table_code, x.unit AS table_unit, x.department AS table_department, x.pages, x.rows,
    coalesce(json_array_length(x.cells), 0)::INTEGER AS cells, x.columns
  FROM ${readJsonSql('tables', path)} x LEFT JOIN documents d ON d.document_id = x.documentId
  ORDER BY ${ORDER_TABLE('x.id')}`;
}

/**
 * Rows come out in the jsonl files' order (document id, then table number, then row and column):
 * DuckDB's joins do not keep input order, and the same inputs must give the same files.
 */
const ORDER_TABLE = (id: string) => `split_part(${id}, '#', 1), TRY_CAST(split_part(${id}, '#', 2) AS INTEGER)`;

const STANDARD_ITEMS = "('01', '02', '03', '50', '99')";

export function factsSql(path: string): string {
  return `SELECT x.documentId AS document_id, x.tableId AS table_id, ${DOC_FIELDS},
    x.tableKind AS table_kind, t.table_code, t.table_title, t.table_unit,
    x.subject.scheme AS subject_scheme, x.subject.code AS subject_code,
    CASE WHEN c1.code IS NOT NULL THEN c1.today
         WHEN c2.code IS NOT NULL THEN c2.today || right(x.subject.code, 2)
         ELSE x.subject.code END AS code_current,
    x.subject.name AS subject_name, coalesce(c1.today_name, x.subject.name) AS code_current_name,
    coalesce(x.subject.label, x.source.rowLabel) AS subject_label, x.subject.item AS subject_item, x.subject.panel AS subject_panel,
    x.measure, CASE WHEN x.unit = 'yuan' THEN ${money('x.value')} END AS value_yuan,
    CASE WHEN x.unit <> 'yuan' THEN x.value END AS value_number, x.unit,
    x.source.page AS page, x.source."row" AS "row", x.source.col AS col, x.source.line AS line, x.source.sheet AS sheet,
    x.source.ref AS ref, x.source.text AS source_text, x.source.columnPath AS column_path, x.source.ocr AS ocr_confidence
  FROM ${readJsonSql('facts', path)} x
  LEFT JOIN documents d ON d.document_id = x.documentId
  LEFT JOIN tables t ON t.table_id = x.tableId
  LEFT JOIN code_crosswalk c1 ON c1.scheme = x.subject.scheme AND c1.code = x.subject.code AND d.fiscal_year <= c1.last_year
  LEFT JOIN code_crosswalk c2 ON length(x.subject.code) = 7 AND right(x.subject.code, 2) IN ${STANDARD_ITEMS}
    AND c2.scheme = x.subject.scheme AND c2.code = left(x.subject.code, 5) AND d.fiscal_year <= c2.last_year
  ORDER BY ${ORDER_TABLE('x.tableId')}, x.source."row", x.source.col, x.measure`;
}

export function indicatorsSql(path: string): string {
  return `SELECT x.documentId AS document_id, x.tableId AS table_id, ${DOC_FIELDS}, x.stage, x.project, x.amount, x.level1, x.level2, x.level3,
    x.operator, x.target, x.targetValue AS target_value, x.unit, x.actual, x.weight, x.score, x.note,
    x.source.page AS page, x.source."row" AS "row", x.source.line AS line, x.source.sheet AS sheet, x.source.ref AS ref
  FROM ${readJsonSql('indicators', path)} x LEFT JOIN documents d ON d.document_id = x.documentId
  ORDER BY x.documentId, ${ORDER_TABLE('x.tableId')}, x.source."row", x.level3`;
}

export function issuesSql(path: string): string {
  return `SELECT x.documentId AS document_id, x.tableId AS table_id, ${DOC_FIELDS}, t.table_kind, t.table_code,
    x.severity, split_part(x.rule, '.', 1) AS family, x.rule, x.message,
    x.expected->>'$' AS expected, x.actual->>'$' AS actual,
    TRY_CAST(x.expected->>'$' AS DECIMAL(18,2)) AS expected_number, TRY_CAST(x.actual->>'$' AS DECIMAL(18,2)) AS actual_number,
    x.stage, x.source.file AS file, x.source.page AS page, x.source."row" AS "row", x.source.col AS col,
    x.source.line AS line, x.source.sheet AS sheet, x.source.ref AS ref
  FROM ${readJsonSql('issues', path)} x LEFT JOIN documents d ON d.document_id = x.documentId
  LEFT JOIN tables t ON t.table_id = x.tableId
  ORDER BY x.documentId NULLS LAST, ${ORDER_TABLE('x.tableId')}, x.source."row", x.source.col, x.rule, x.message`;
}

export function statementsSql(path: string): string {
  return `SELECT x.documentId AS document_id, ${DOC_FIELDS}, x.page, x.sentence, x.topic,
    x.subject.scheme AS subject_scheme, x.subject.code AS subject_code, x.subject.name AS subject_name,
    CASE WHEN x.unit = 'yuan' THEN ${money('x.value')} END AS value_yuan, CASE WHEN x.unit <> 'yuan' THEN x.value END AS value_number,
    x.unit, x.printed, x.precision, x.change.against AS change_against, x.change.direction AS change_direction,
    ${money('x.change.value')} AS change_yuan, x.change.percent AS change_percent, x.purpose, x.reason,
    x.tableFact.tableId AS fact_table_id, x.tableFact."row" AS fact_row, x.tableFact.col AS fact_col,
    ${money('x.tableFact.value')} AS fact_value_yuan, x.text
  FROM ${readJsonSql('statements', path)} x LEFT JOIN documents d ON d.document_id = x.documentId
  ORDER BY x.documentId, x.page, x.sentence, x.text`;
}

/**
 * `panel_of(kind, family)`: region × year × function code (类 and 款, as the lines are printed)
 * × measure, summed over the region's documents of one kind, for one table kind and a measure
 * family (`basic` takes basic, basic.personnel, basic.public; NULL takes every measure). Codes and
 * regions are today's (code_current, region_current), so a county's 2018 and 2024 lines meet.
 * `three_public`: the 三公 items by region, year, document kind and measure.
 */
export const VIEWS_SQL = `
CREATE OR REPLACE MACRO panel_of(kind, family) AS TABLE
  WITH names AS (SELECT code_current, arg_max(code_current_name, fiscal_year) AS name
                 FROM facts WHERE subject_scheme = 'function' GROUP BY code_current)
  SELECT f.region_current AS region_code, any_value(f.region_current_name) AS region_name, any_value(f.province) AS province,
    any_value(f.prefecture) AS prefecture, f.fiscal_year, f.document_kind, f.table_kind,
    CASE length(f.code_current) WHEN 3 THEN '类' ELSE '款' END AS level, f.code_current AS code, any_value(n.name) AS name,
    f.measure, sum(f.value_yuan) AS value_yuan, count(DISTINCT f.document_id)::INTEGER AS documents, count(*)::INTEGER AS facts
  FROM facts f JOIN names n USING (code_current)
  WHERE f.table_kind = kind AND (family IS NULL OR f.measure = family OR starts_with(f.measure, family || '.'))
    AND f.subject_scheme = 'function' AND length(f.code_current) IN (3, 5) AND f.value_yuan IS NOT NULL
    AND f.region_current IS NOT NULL AND f.fiscal_year IS NOT NULL
  GROUP BY f.region_current, f.fiscal_year, f.document_kind, f.table_kind, f.code_current, f.measure
  ORDER BY region_code, f.fiscal_year, f.document_kind, code, f.measure;
CREATE OR REPLACE VIEW three_public AS
  SELECT region_current AS region_code, any_value(region_current_name) AS region_name, any_value(province) AS province,
    any_value(prefecture) AS prefecture, fiscal_year, document_kind, subject_item AS item, measure,
    sum(value_yuan) AS value_yuan, count(DISTINCT document_id)::INTEGER AS documents
  FROM facts WHERE subject_item LIKE 'three_public.%' AND value_yuan IS NOT NULL AND region_current IS NOT NULL
  GROUP BY region_current, fiscal_year, document_kind, subject_item, measure
  ORDER BY region_code, fiscal_year, document_kind, item, measure;`;

export function panelViewSql(kind: string, family: string | null): string {
  return `CREATE OR REPLACE VIEW panel AS SELECT * FROM panel_of(${quote(kind)}, ${family === null ? 'NULL' : quote(family)});`;
}
