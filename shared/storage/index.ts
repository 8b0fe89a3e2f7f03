export * from './backup-rotation';
export * from './storage-errors';
