export * from './schema';
export * from './annotation-repository';
export * from './settings-repository';
export * from './reading-position-repository';
export * from './debounced-saver';
