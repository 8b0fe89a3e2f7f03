/**
 * Preload (sandboxed, built as CommonJS): exposes exactly the ReaderHost API as `window.yandu`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { HOST_GLOBAL } from '../../shared/ipc/contract';
import { createReaderHostBridge } from './bridge';

contextBridge.exposeInMainWorld(HOST_GLOBAL, createReaderHostBridge(ipcRenderer));
