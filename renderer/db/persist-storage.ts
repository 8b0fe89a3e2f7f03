/**
 * Asks the browser to keep the app's data when disk space runs low (without it IndexedDB is
 * "best effort" storage the browser may evict). Electron grants it; a browser may ask the user
 * or decide by itself. Resolves to the answer, or null where the API does not exist.
 */
export async function requestPersistentStorage(nav: { storage?: { persist?: () => Promise<boolean> } } = navigator): Promise<boolean | null> {
  try {
    return nav.storage?.persist ? await nav.storage.persist() : null;
  } catch {
    return null;
  }
}
