import { createRoot } from 'react-dom/client';
import { z } from 'zod';
// Bundled CJK fonts: the app must never show tofu, also offline (GB/T 9704 stand-ins).
import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import 'lxgw-wenkai-webfont/lxgwwenkai-regular.css';
import 'lxgw-wenkai-webfont/lxgwwenkai-bold.css';
import './styles/punct-fonts.css';
import './styles/app.css';
import './styles/annotations.css';
import './print/excerpt-builder.css';
import { App } from './app/App';
import { getHost } from './host';
import { createShellStore } from './app/dexie-shell-store';
import { AnnotationRepository, YanduDB } from './db';
import { createAnnotationStore } from './annotations/annotation-store';
import { ShelfRepository } from './library/shelf-repository';

// zod would probe `new Function`, which the strict CSP blocks (and logs): use its interpreter.
z.config({ jitless: true });

const db = new YanduDB();
const repository = new AnnotationRepository(db);
const annotationStore = createAnnotationStore(repository);

const host = getHost();
createRoot(document.getElementById('root')!).render(<App host={host} store={createShellStore(db)} annotationStore={annotationStore} repository={repository} shelf={new ShelfRepository(db, host)} />);
