export * from './names';
export * from './rotation';
export * from './format';
export * from './restore-plan';
export * from './drafts';
