/**
 * The format libraries for Node (the Electron main process and the ingest CLI): mammoth's Node
 * build, pdf.js's legacy build with its worker run in-process, linkedom as the DOM for
 * Readability. Loaded on first use so opening a .txt never pays for them.
 */
import type { FormatLibraries } from '../../shared/report/load/load-report';
import type { PdfJsLike } from '../../shared/report/load/pdf-import';
import type { HtmlLibs, NodeLike } from '../../shared/report/load/html-import';
import type { MammothLike } from '../../shared/report/load/docx-import';

let pdfjsPromise: Promise<PdfJsLike> | null = null;

async function loadPdfjs(): Promise<PdfJsLike> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js runs its worker on the main thread when it finds the worker module here; that also
  // works once bundled into out/main, where no separate worker file exists.
  const g = globalThis as { pdfjsWorker?: unknown };
  g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const ops = pdfjs.OPS as Record<string, number>;
  return {
    getDocument: (src) =>
      pdfjs.getDocument({ data: src.data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }) as unknown as ReturnType<PdfJsLike['getDocument']>,
    imageOps: [ops.paintImageXObject, ops.paintInlineImageXObject, ops.paintImageMaskXObject, ops.paintImageXObjectRepeat].filter((n) => n !== undefined),
  };
}

async function loadHtml(): Promise<HtmlLibs> {
  const [{ parseHTML }, { Readability }] = await Promise.all([import('linkedom'), import('@mozilla/readability')]);
  return {
    parse: (html) => parseHTML(html).document,
    readability: (document) => new Readability(document as ConstructorParameters<typeof Readability>[0]).parse(),
    fragment: (html) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body as unknown as NodeLike,
  };
}

async function loadMammoth(): Promise<MammothLike> {
  // A CommonJS module: tsx and Vitest hand it over as `default`, a bundled main as the namespace.
  const m = (await import('mammoth')) as unknown as MammothLike & { default?: MammothLike };
  return m.default ?? m;
}

export const nodeFormatLibraries: FormatLibraries = {
  mammoth: loadMammoth,
  pdfjs: () => (pdfjsPromise ??= loadPdfjs()),
  html: loadHtml,
};
