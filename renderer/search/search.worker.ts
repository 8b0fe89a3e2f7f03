/** Module worker: indexing and searching off the UI thread, so typing never stalls. */
import { expose } from 'comlink';
import { createSearchApi } from './search-api';

import { createIndexCache } from './index-cache';

expose(createSearchApi({ cache: typeof indexedDB === 'undefined' ? undefined : createIndexCache() }));
