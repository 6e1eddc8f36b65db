import { errorText, Reporter, type Diagnostic, type DocumentRecord, type FactRecord, type StageResult, type TableRecord } from '@govdocs/core';
import { buildModels } from './model.js';
import { tableEquations } from './equations.js';
import { crossTableEquations } from './crosstable.js';
import { localize } from './localize.js';
import { blameDiagnostics, misreadDiagnostics, unsureDiagnostics } from './report.js';
import { codeDiagnostics } from './codes.js';

export interface ValidateInput {
  document: DocumentRecord;
  tables: TableRecord[];
  facts: FactRecord[];
}

export function validateDocument(input: ValidateInput): StageResult<null> {
  const { document, tables, facts } = input;
  const models = buildModels(tables, facts);
  const equations = [...models.flatMap(tableEquations), ...crossTableEquations(models)];
  const { blames, misread, unsure } = localize(models, equations);
  const diagnostics: Diagnostic[] = [
    ...blameDiagnostics(document, blames),
    ...misreadDiagnostics(document, misread),
    ...unsureDiagnostics(document, unsure),
    ...checkCodes(document, models),
  ];
  return { value: null, diagnostics };
}

/** The code list is a data file: if it cannot be read, the figures are still checked. */
function checkCodes(document: DocumentRecord, models: ReturnType<typeof buildModels>): Diagnostic[] {
  try {
    return codeDiagnostics(document, models);
  } catch (error) {
    return [new Reporter('validate', document.source.path).report('code.unchecked',
      `Classification codes were not checked: the national list could not be read (${errorText(error)}). Reinstall govdocs with packages/validate/data.`)];
  }
}
