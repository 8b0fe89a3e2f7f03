/** Search over a report and its notes: see engine.ts for the method, types.ts for the shapes. */
export { SearchEngine, searchReport, mergeRanges, FUSE_MAX_PATTERN, type EngineOptions, type ReportIndexSnapshot } from './engine';
export { normalizeForSearch, normalizeQuery, toOriginalRange, type Normalized, type OffsetMap } from './normalize';
export { queryWords, segmentWords } from './words';
export { chineseNumeral } from './records';
export type * from './types';
