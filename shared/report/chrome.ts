/**
 * Web-page chrome in reports copied from a browser (toolbar words, 来源/时间 lines, breadcrumbs,
 * photo captions, 相关报道 lists). Only these patterns are ever removed from the body, and only
 * where they occur (front matter, tail), so real report text is never dropped.
 */

/** Toolbar and navigation words that form a whole line on their own. */
const CHROME_WORDS = new Set([
  '下载', '打印', '全屏', '收藏', '加大', '还原', '减小', '【', '】', '【字号：', '【字号:',
  '字号', '大', '中', '小', '默认', '分享', '分享:', '分享：', '首页', '>', '>>', '›', '»', '＞',
  '时间：', '时间:', '来源：', '来源:', '打印本页', '关闭窗口', '【打印本页】', '【关闭窗口】',
  '返回顶部', '扫一扫在手机打开当前页', '在手机打开当前页',
]);

const META_PREFIX = /^(来源|时间|发布时间|发布日期|日期|作者|编辑|责任编辑|浏览次数|点击数|字号)[：:]/;
/** Links a news site puts around an article (`点击查阅更多政府工作报告`, `点击进入专题`). */
const MORE_LINK = /^(【)?点击(查阅|查看|阅读|进入)[^。，]{0,20}(】)?$/;
const BARE_META = /^(来源|时间|发布时间|发布日期|作者|编辑|责任编辑)[：:]$/;
const DATE_TIME = /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?$/;
/** Photo captions: `……作政府工作报告。本报记者 韩卿立 摄`, `张工作政府工作报告。`. */
const CAPTION = /(记者[^。，]{0,16}摄?$|\s摄$|作政府工作报告。?$)/;
/** First line of the trailing 相关报道 / QR-code block. */
const TAIL_START = /^(相关(报道|新闻|链接|阅读|文章)[：:]?|扫一扫在手机打开当前页|【?打印本页】?|【?关闭窗口】?)$/;

const BREADCRUMB_SEPARATORS = new Set(['>', '>>', '›', '»', '＞']);

/**
 * Why front-matter line `i` of `lines` (trimmed) is chrome, or null when it is not.
 * Neighbouring lines are consulted for breadcrumbs (`首页 > 政府信息公开 > …`).
 */
export function frontMatterChromeReason(lines: readonly string[], i: number): string | null {
  const t = lines[i];
  if (CHROME_WORDS.has(t)) return '网页工具栏或导航';
  if (MORE_LINK.test(t)) return '网页链接';
  if (t.length <= 40 && META_PREFIX.test(t)) return '网页来源/时间信息';
  if (DATE_TIME.test(t)) return '网页发布时间';
  // The value of a `来源：` / `时间：` label that the page put on its own line.
  let k = i - 1;
  while (k >= 0 && lines[k] === '') k--;
  if (k >= 0 && t.length <= 30 && BARE_META.test(lines[k])) return '网页来源/时间信息';
  if (t.length <= 12 && (BREADCRUMB_SEPARATORS.has(lines[i - 1] ?? '') || BREADCRUMB_SEPARATORS.has(lines[i + 1] ?? ''))) {
    return '网页导航路径';
  }
  if (t.length <= 80 && !t.startsWith('各位代表') && CAPTION.test(t)) return '新闻图片说明';
  return null;
}

/**
 * Chrome that can be recognised anywhere in the body without context (toolbar words,
 * 来源/时间 lines, 本报记者…摄 captions); null for everything else.
 */
export function bodyChromeReason(t: string): string | null {
  if (CHROME_WORDS.has(t) && t.length >= 2) return '网页工具栏或导航';
  if (MORE_LINK.test(t)) return '网页链接';
  if (t.length <= 40 && META_PREFIX.test(t)) return '网页来源/时间信息';
  if (DATE_TIME.test(t)) return '网页发布时间';
  if (t.length <= 60 && /记者[^。，]{0,16}摄$/.test(t)) return '新闻图片说明';
  return null;
}

/** True when line `t` starts the trailing chrome block (`相关报道：`, QR-code hint). */
export function isTailChromeStart(t: string): boolean {
  return TAIL_START.test(t);
}
