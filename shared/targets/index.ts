export type { TargetCategory, TargetRow } from './model';
export { TARGET_CATEGORIES } from './model';
export { extractTargets } from './extract';
export { findQuantities, type Quantity } from './quantities';
export { splitClauses, type Clause } from './clauses';
export { compareYears, indicatorKey, YEAR_STATUS_LABEL, type YearComparison, type YearStatus } from './compare';
export { targetsToCsv, targetsToXlsx, TARGET_COLUMNS } from './table-export';
