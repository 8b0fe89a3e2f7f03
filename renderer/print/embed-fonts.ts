/**
 * `@font-face` rules with the font files inlined as data: URLs, for the self-contained HTML the
 * Electron main process turns into a PDF (a temp file with no access to the app's assets).
 * Only the unicode-range subsets that cover characters of the document are embedded, so a
 * typical excerpt PDF carries a few hundred KB of font instead of tens of MB.
 */

/** Parses a CSS `unicode-range` value into [from, to] code point pairs. */
export function parseUnicodeRange(value: string): [number, number][] {
  const out: [number, number][] = [];
  for (const part of value.split(',')) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) continue;
    if (m[1].includes('?')) {
      out.push([parseInt(m[1].replace(/\?/g, '0'), 16), parseInt(m[1].replace(/\?/g, 'f'), 16)]);
    } else {
      const a = parseInt(m[1], 16);
      out.push([a, m[2] ? parseInt(m[2], 16) : a]);
    }
  }
  return out;
}

/** True when some code point of `codePoints` falls in one of `ranges` (no ranges = everything). */
export function coversAny(ranges: readonly [number, number][], codePoints: ReadonlySet<number>): boolean {
  if (ranges.length === 0) return true;
  for (const cp of codePoints) for (const [a, b] of ranges) if (cp >= a && cp <= b) return true;
  return false;
}

async function toDataUrl(url: string): Promise<string> {
  const blob = await (await fetch(url)).blob();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
}

/** The @font-face rules of the page's style sheets, for `families`, restricted to `text`. */
export async function embeddedFontCss(text: string, families: readonly string[]): Promise<string> {
  const codePoints = new Set<number>();
  for (const ch of text) codePoints.add(ch.codePointAt(0)!);
  const wanted = new Set(families.map((f) => f.toLowerCase()));
  const rules: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let cssRules: CSSRuleList;
    try {
      cssRules = sheet.cssRules;
    } catch {
      continue; // cross-origin sheet
    }
    for (const rule of Array.from(cssRules)) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const family = rule.style.getPropertyValue('font-family').replace(/["']/g, '').trim().toLowerCase();
      if (!wanted.has(family)) continue;
      if (!coversAny(parseUnicodeRange(rule.style.getPropertyValue('unicode-range')), codePoints)) continue;
      const src = rule.style.getPropertyValue('src');
      const m = /url\(["']?([^"')]+\.woff2[^"')]*)["']?\)/.exec(src);
      if (!m) continue;
      const url = new URL(m[1], sheet.href ?? document.baseURI).href;
      const data = await toDataUrl(url);
      rules.push(
        `@font-face{font-family:"${rule.style.getPropertyValue('font-family').replace(/["']/g, '').trim()}";font-style:${rule.style.getPropertyValue('font-style') || 'normal'};font-weight:${rule.style.getPropertyValue('font-weight') || '400'};font-display:block;src:url(${data}) format("woff2");unicode-range:${rule.style.getPropertyValue('unicode-range') || 'U+0-10FFFF'};}`,
      );
    }
  }
  return rules.join('\n');
}
