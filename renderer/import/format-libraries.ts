/**
 * The format libraries in the renderer (browser host): mammoth's browser build, pdf.js with its
 * worker as a separate bundled file, the page's own DOMParser for Readability. Each is a dynamic
 * import, so its chunk is fetched only when a file of that format is opened.
 */
import type { FormatLibraries } from '../../shared/report/load/load-report';
import type { MammothLike } from '../../shared/report/load/docx-import';
import type { HtmlLibs, NodeLike } from '../../shared/report/load/html-import';
import type { PdfJsLike } from '../../shared/report/load/pdf-import';

async function loadPdfjs(): Promise<PdfJsLike> {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  const ops = pdfjs.OPS as Record<string, number>;
  return {
    getDocument: (src) =>
      pdfjs.getDocument({ data: src.data, isEvalSupported: false, disableFontFace: true, verbosity: 0 }) as unknown as ReturnType<PdfJsLike['getDocument']>,
    imageOps: [ops.paintImageXObject, ops.paintInlineImageXObject, ops.paintImageMaskXObject, ops.paintImageXObjectRepeat].filter((n) => n !== undefined),
  };
}

async function loadHtml(): Promise<HtmlLibs> {
  const { Readability } = await import('@mozilla/readability');
  const parser = new DOMParser();
  return {
    parse: (html) => parser.parseFromString(html, 'text/html'),
    readability: (document) => new Readability(document as Document).parse(),
    fragment: (html) => parser.parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html').body as unknown as NodeLike,
  };
}

let pdfjsPromise: Promise<PdfJsLike> | null = null;

export const browserFormatLibraries: FormatLibraries = {
  mammoth: async () => {
    const m = (await import('mammoth')) as unknown as MammothLike & { default?: MammothLike };
    return m.default ?? m;
  },
  pdfjs: () => (pdfjsPromise ??= loadPdfjs()),
  html: loadHtml,
};
