/**
 * The `app://reader/…` protocol that serves the built renderer (out/renderer) instead of
 * `file://`. It must be registered as standard + secure before `app.ready`: IndexedDB (Dexie)
 * and fetch need a standard, secure origin.
 */
import { readFile as fsReadFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';

export const APP_SCHEME = 'app';
export const APP_HOST = 'reader';
/** URL of the renderer's entry page. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Argument of `protocol.registerSchemesAsPrivileged`. */
export const PRIVILEGED_SCHEMES = [
  {
    scheme: APP_SCHEME,
    privileges: {
      standard: true,
      secure: true,
      supportFetchAPI: true,
      corsEnabled: true,
      stream: true,
      codeCache: true,
    },
  },
];

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

/** MIME type for a file name by extension; `application/octet-stream` when unknown. */
export function mimeTypeFor(fileName: string): string {
  return MIME_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an `app://reader/<path>` URL to a file under `root`.
 * Returns null when the URL is not ours (other scheme/host), is malformed (bad %-escapes, NUL),
 * or would escape `root` (`..`, encoded `%2e%2e%2f`, backslashes, absolute paths).
 * `/` maps to `index.html`.
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // Backslashes would be separators on Windows: refuse them everywhere rather than reason
  // about platform-specific escapes.
  if (relative.includes('\0') || relative.includes('\\')) return null;
  // Decoding may reveal `..` segments the URL parser never saw (`%2e%2e%2f`): refuse them.
  if (relative.split('/').includes('..')) return null;
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  const absoluteRoot = path.resolve(root);
  const target = path.resolve(absoluteRoot, '.' + path.posix.normalize('/' + relative));
  const fromRoot = path.relative(absoluteRoot, target);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return target;
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/**
 * Creates the `protocol.handle('app', …)` handler serving files under `root`.
 * 403 for URLs outside root, 405 for non-GET/HEAD, 404 for missing files; every response carries
 * the CSP header so the renderer is always constrained, even without a `<meta>` policy.
 */
export function createAppProtocolHandler(
  root: string,
  readFile: (file: string) => Promise<Uint8Array> = fsReadFile,
): (request: { url: string; method?: string }) => Promise<Response> {
  return async (request) => {
    const method = (request.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
    const file = resolveAppPath(root, request.url);
    if (!file) return textResponse(403, 'Forbidden');
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return textResponse(404, 'Not Found');
    }
    return new Response(method === 'HEAD' ? null : (body as BodyInit), {
      status: 200,
      headers: {
        'Content-Type': mimeTypeFor(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}
