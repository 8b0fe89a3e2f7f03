import { HOST_GLOBAL, type ReaderHost } from '../../shared/ipc/contract';
import { createBrowserHost } from './browser-host';

/** The Electron preload's bridge when present, else the browser host. */
export function getHost(): ReaderHost {
  const bridged = (window as unknown as Record<string, ReaderHost | undefined>)[HOST_GLOBAL];
  return bridged ?? createBrowserHost();
}
