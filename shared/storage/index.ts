export * from './storage-errors';
