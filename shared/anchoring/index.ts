export { createAnchor, CONTEXT_LENGTH, type TextSelection } from './create-anchor';
export { reanchor, resolveAnchor, type ResolvedAnchor } from './resolve-anchor';
export { toLocalRange, type LocalRange } from './report-index';
