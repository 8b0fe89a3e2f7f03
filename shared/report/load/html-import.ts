/**
 * A web page saved from a government site → lines. Readability (Mozilla's reader view) picks the
 * article out of navigation, 索引号/发布机构 tables, share links and footers; what is left is walked
 * block by block. Both the HTML parser and Readability are injected: the browser has DOMParser,
 * Node uses linkedom, and shared/ has no DOM types — so the DOM is typed structurally here.
 */
import type { Result } from '../../ipc/contract';
import { cleanPageTitle } from './report-identity';
import { decodeText } from './text-encoding';
import { joinPieces, type ImportedText, type ImportNote } from './imported';

export interface NodeLike {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<NodeLike>;
}
export interface HtmlLibs {
  /** Parses a whole HTML document. */
  parse(html: string): unknown;
  /** Runs Readability on a parsed document: the article's title and HTML, or null. */
  readability(document: unknown): { title?: string | null; content?: string | null } | null;
  /** Parses an HTML fragment and returns its root element. */
  fragment(html: string): NodeLike;
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'CENTER', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'INPUT', 'IFRAME']);

/**
 * HTML whitespace as a browser shows it in a Chinese page: a run containing a source line break
 * between two Han characters disappears (CSS segment-break rule for East Asian text); any other
 * run becomes one space.
 */
export function collapseWhitespace(s: string): string {
  return s.replace(/[ \t\n\r\f]+/g, (run, at: number) => {
    if (!/[\n\r]/.test(run)) return ' ';
    const before = s[at - 1] ?? '';
    const after = s[at + run.length] ?? '';
    return joinPieces(before, after) === before + after ? '' : ' ';
  });
}

/** Text of the fragment as block lines; whitespace collapses as a browser shows it. */
export function blockLines(root: NodeLike): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const t = collapseWhitespace(current).replace(/^ +| +$/g, '');
    if (t !== '') lines.push(t);
    current = '';
  };
  const walk = (node: NodeLike) => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines;
}

/** Site chrome Readability may leave inside the article container. */
const SITE_CHROME: [RegExp, string][] = [
  [/^(索引号|发布机构|发文机关|主题分类|成文日期|发布日期|发文字号|文号|主题词|有效性|信息来源|生成日期)[：:]/, '政务公开信息栏'],
  [/^【?\s*字体(大小)?[：:]?\s*【?[大中小]】?\s*【?[大中小]】?\s*【?[大中小]】?\s*】?$/, '字号按钮'],
  [/^(【?(打印(本页|文章)?|关闭(窗口|本页)?|返回顶部|收藏)】?\s*)+$/, '打印/关闭按钮'],
  [/^(分享到|分享)[：:]?/, '分享链接'],
  [/^(上一篇|下一篇)[：:]/, '上一篇/下一篇'],
  [/^(扫一扫在手机打开当前页|【?我要纠错】?|浏览次数[：:].*)$/, '网页工具'],
];

/** Lines without the site chrome, and what was removed. */
export function stripSiteChrome(lines: string[]): { lines: string[]; notes: ImportNote[] } {
  const kept: string[] = [];
  const notes: ImportNote[] = [];
  for (const l of lines) {
    const hit = SITE_CHROME.find(([re]) => re.test(l));
    if (hit && l.length <= 80) notes.push({ kind: 'site-chrome-removed', detail: `已移除网页元素（${hit[1]}）：“${l}”`, original: l });
    else kept.push(l);
  }
  return { lines: kept, notes };
}

/** Lines of a saved web page (bytes in any encoding `decodeText` accepts). */
export async function importHtml(bytes: Uint8Array, libs: HtmlLibs): Promise<Result<ImportedText>> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  let article: { title?: string | null; content?: string | null } | null;
  try {
    article = libs.readability(libs.parse(decoded.value.text));
  } catch {
    article = null;
  }
  if (!article?.content) return { ok: false, error: '网页里找不到正文（可能是目录页或只有图片）。请在浏览器中打开报告全文后再保存。' };
  const { lines, notes } = stripSiteChrome(blockLines(libs.fragment(article.content)));
  // Readability lifts the page's <h1> out of the article as its title: put it back on top.
  const title = article.title ? cleanPageTitle(article.title) : '';
  if (title && lines.length > 0 && lines[0] !== title && !lines.slice(0, 5).includes(title)) lines.unshift(title);
  // A report has sentences; a page whose "article" is a few links (a 目录页, a home page) has none.
  if (!lines.some((l) => l.length >= 20)) return { ok: false, error: '网页里找不到正文（可能是目录页或只有图片）。请在浏览器中打开报告全文后再保存。' };
  return {
    ok: true,
    value: {
      lines,
      notes: [{ kind: 'encoding', detail: `网页编码：${decoded.value.encoding}` }, ...notes],
      titleHint: article.title?.trim() || undefined,
    },
  };
}
