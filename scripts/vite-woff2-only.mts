/**
 * Vite plugin: drops the `.woff` fallback from the bundled fonts' @font-face rules, keeping
 * `.woff2`. Every browser the app runs in (Electron's Chromium, any current browser) takes the
 * first format it supports, so the .woff files were never fetched, yet Vite copied all of them
 * into the build (14 MB).
 */
import type { Plugin } from 'vite';

const WOFF_FALLBACK = /,\s*url\(\s*['"]?[^'")]+\.woff['"]?\s*\)\s*format\(\s*['"]woff['"]\s*\)/g;

export function woff2Only(): Plugin {
  return {
    name: 'yandu-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.css(\?|$)/.test(id) || !/@fontsource|lxgw-wenkai/.test(id)) return null;
      const out = code.replace(WOFF_FALLBACK, '');
      return out === code ? null : { code: out, map: null };
    },
  };
}
