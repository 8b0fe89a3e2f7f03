export * from './format';
export * from './merge';
export { canonicalAnnotation, canonicalJson, compareByCreation } from './canonical';
export { EXCHANGE_MESSAGES } from './messages';
export * from './web-annotation';
