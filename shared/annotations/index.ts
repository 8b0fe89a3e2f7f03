export * from './model';
export * from './schema';
export * from './tags';
export * from './new-annotation';
export * from './order';
export * from './filter';
export * from './undo-stack';
export * from './note-json';
