/**
 * The one id rule and the one title rule for every report, bundled or opened, in either host.
 */

/** Title the segmenter gives a text without a title line. */
export const UNTITLED = '未命名报告';

/**
 * Id of a report: a bundled report keeps the id of its folder (stored annotations reference
 * `changzhi-2026`); an opened file is named by its content, so two different files both called
 * report.txt are two reports, and the same report opened as .docx and as .txt is one.
 */
export function reportId(fingerprint: string, bundledId?: string): string {
  return bundledId ?? `r-${fingerprint}`;
}

const MEETING = /(\d{4})年\d{1,2}月\d{1,2}日在(.{2,20}?)第[一二三四五六七八九十百零〇\d]+届人民代表大会/;
/** File names that say nothing about the report (新建文本文档, report, 未命名, download (1)). */
const GENERIC_NAME = /^(新建.*|未命名.*|untitled.*|report|document|download|文档\d*|报告|source|index)(\s*\(\d+\))?$/i;

/** `2022年长治市政府工作报告` from a dateline such as `——2022年2月20日在长治市第十五届人民代表大会…`. */
export function titleFromMeetingLine(lines: readonly string[]): string | null {
  for (const l of lines) {
    const m = MEETING.exec(l);
    if (m) return `${m[1]}年${m[2]}政府工作报告`;
  }
  return null;
}

/** A page title without the site's name (`2026年XX省政府工作报告_XX省人民政府网`). */
export function cleanPageTitle(t: string): string {
  return t.split(/\s*[_|｜]\s*|\s+[-—–]\s+/)[0].trim();
}

function fileStem(fileName: string): string {
  const base = fileName.replace(/\\/g, '/').split('/').pop() ?? '';
  return base.replace(/\.[^.]*$/, '').trim();
}

export interface TitleInputs {
  /** meta.json of a bundled report: authoritative (a newspaper fragment's first line is not its title). */
  bundledTitle?: string;
  /** Title line the segmenter found in the text, or UNTITLED. */
  textTitle: string;
  /** Front matter and first lines of the text, searched for the meeting line. */
  openingLines: readonly string[];
  /** `<title>` of a web page. */
  pageTitle?: string;
  fileName: string;
}

/**
 * Title of a report, first that exists: bundled metadata, the text's title line, the meeting
 * line (year + body), the web page's title, a meaningful file name, 未命名报告.
 */
export function reportTitle(t: TitleInputs): string {
  if (t.bundledTitle) return t.bundledTitle;
  if (t.textTitle && t.textTitle !== UNTITLED) return t.textTitle;
  const meeting = titleFromMeetingLine(t.openingLines);
  if (meeting) return meeting;
  const page = t.pageTitle ? cleanPageTitle(t.pageTitle) : '';
  if (page) return page;
  const stem = fileStem(t.fileName);
  if (stem && !GENERIC_NAME.test(stem)) return stem;
  return UNTITLED;
}
