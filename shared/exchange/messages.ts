/**
 * Chinese (zh-CN) messages of the exchange file: parse errors shown when an import is refused,
 * and the import summary. Kept together so wording stays consistent and the UI can show them
 * verbatim.
 */

export const EXCHANGE_MESSAGES = {
  empty: '不是有效的批注文件（文件是空的）',
  notJson: '不是有效的批注文件（JSON 格式错误）',
  tooLarge: (limitMb: number) => `文件过大，超过 ${limitMb} MB 的上限，不是研读导出的批注文件或已损坏`,
  notExchange: '不是研读的批注文件（缺少 "format": "yandu-annotations" 标记）',
  otherFormat: (format: string) => `不是研读的批注文件（文件类型为 “${format}”）`,
  newerVersion: (version: number) => `此文件由较新版本的研读导出（格式版本 ${version}），请先升级`,
  badVersion: '批注文件的格式版本无效',
  badHeader: (details: string) => `批注文件的文件头无效：${details}`,
  notArray: '批注文件无效：annotations 应为批注列表',
  tooMany: (count: number, limit: number) => `文件中的批注过多（${count} 条，上限 ${limit} 条）`,
  /** `n` is 1-based; `quote` is a short excerpt of the record's quote, or null if unreadable. */
  badRecord: (n: number, quote: string | null, details: string) => `第 ${n} 条批注${quoteSuffix(quote)}无效：${details}`,
  duplicateId: (n: number, first: number, id: string) => `第 ${n} 条批注与第 ${first} 条的 id 重复（${id}），文件可能被拼接或改动过`,
  otherReport: (n: number, quote: string | null, reportId: string, fileReportId: string) =>
    `第 ${n} 条批注${quoteSuffix(quote)}属于另一份报告（${reportId}），与文件标明的报告（${fileReportId}）不符`,
  futureExport: (when: string) => `批注文件的导出时间（${when}）晚于本机时间一天以上：文件可能已损坏，或导出者电脑的时钟有误`,
  /** `field` is createdAt or updatedAt. */
  futureTime: (n: number, quote: string | null, field: 'createdAt' | 'updatedAt', when: string) =>
    `第 ${n} 条批注${quoteSuffix(quote)}的${field === 'createdAt' ? '创建' : '修改'}时间（${when}）晚于本机时间一天以上：文件可能已损坏，或导出者电脑的时钟有误`,
  moreProblems: (count: number) => `；另有 ${count} 条批注也有问题`,
  nothingToImport: '文件中没有批注',
  nothingNew: (total: number) => `没有新的批注：文件中的 ${total} 条都已存在`,
  nothingNewWithDeleted: (total: number) => `没有新的批注：文件中的 ${total} 条都已存在或已被删除`,
  added: (n: number) => `新增 ${n} 条`,
  updated: (n: number) => `更新 ${n} 条`,
  deleted: (n: number) => `删除 ${n} 条`,
  restored: (n: number) => `恢复 ${n} 条`,
  skipped: (n: number) => `跳过 ${n} 条（已有或较旧）`,
  hiddenTombstones: (n: number) => `另有 ${n} 条是已删除的批注，只记下删除`,
} as const;

function quoteSuffix(quote: string | null): string {
  return quote ? `（“${quote}”）` : '';
}
