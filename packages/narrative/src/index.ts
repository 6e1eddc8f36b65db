/**
 * @govdocs/narrative: figures stated in a disclosure's prose (情况说明, 编制说明) → statements.jsonl,
 * checked against the tables; and the tables a department budget or final account must publish.
 */
export { readNarrative, type NarrativeInput } from './stage.js';
export { documentParagraphs, type Paragraph } from './text.js';
export { toSentences, type Sentence } from './sentences.js';
export { extractDrafts, type Draft } from './extract.js';
