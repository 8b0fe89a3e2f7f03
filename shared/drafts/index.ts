export * from './model';
export { seedDraftJson, draftBlocks, toPointNumber } from './lexical-json';
export { draftToMarkdown } from './markdown';
export { draftToDocx, buildDraftDocx, GBT9704, LINE_PITCH } from './docx';
export { quoteSources } from './sources';
