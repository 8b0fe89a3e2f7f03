/** Chinese wording of the 书架, 回收站, 新版本 and 修订对照. */
export const SHELF_MSG = {
  shelf: '书架',
  trash: '回收站',
  addFile: '添加报告文件…',
  addHint: '也可以把 Word、PDF、网页或文本文件拖到窗口里。',
  empty: '书架上只有随附的报告。添加报告文件后，每份报告各自保存批注、阅读位置和目录状态。',
  trashEmpty: '回收站是空的。',
  open: '打开',
  current: '正在阅读',
  rename: '重命名',
  remove: '移除',
  restore: '恢复',
  compare: '对照阅读',
  revision: '修订对照',
  emptyTrash: '清空回收站',
  bundled: '随附',
  newEdition: '新版本',
  oldEdition: '旧版本',
  columns: ['标题', '年份', '地区', '格式', '加入日期', '批注'] as const,
  removeAsk: (title: string, n: number) => `把《${title}》${n > 0 ? `及其 ${n} 条批注` : ''}移入回收站？清空回收站之前随时可以恢复。`,
  exportFirst: '先导出批注',
  moveToTrash: '移入回收站',
  cancel: '取消',
  removed: (title: string) => `已把《${title}》移入回收站。`,
  restored: (title: string) => `已恢复《${title}》。`,
  emptyAsk: (n: number, notes: number) => `永久删除回收站中的 ${n} 份报告${notes > 0 ? `及其 ${notes} 条批注` : ''}？此操作不能撤销（删除前会自动备份批注）。`,
  emptied: (n: number) => `已永久删除 ${n} 份报告。`,
  renameEmpty: '标题须为 1–200 个字。',
  openFailed: (title: string, why: string) => `无法打开《${title}》：${why}`,
  lastFailed: (title: string, why: string) => `上次阅读的《${title}》无法打开（${why}），已打开随附的报告。`,
  addedToShelf: (title: string) => `已打开并放上书架：${title}`,
  editionAsk: (title: string) => `这份文件与书架上的《${title}》标题、年份相同，但正文不同，可能是它的另一版本（如征求意见稿与定稿）。`,
  asEdition: '作为新版本打开',
  asEditionHint: '批注按原文移到新版本；找不到原文的列为孤立批注。旧版本仍在书架上可读。',
  asSeparate: '作为单独报告打开',
  editionDone: (exact: number, approx: number, orphaned: number) => `已作为新版本打开：${exact} 条批注原样移入，${approx} 条近似移入，${orphaned} 条成为孤立批注。`,
  revisionTitle: (prev: string) => `修订对照（与旧版本《${prev}》相比）`,
  revisionCounts: (exact: number, approx: number, orphaned: number) => `批注：原样移入 ${exact} 条 · 近似移入 ${approx} 条 · 孤立 ${orphaned} 条`,
  revisionNone: '两个版本的正文相同。',
  kinds: { changed: '修改', inserted: '新增', deleted: '删除', moved: '移动' } as const,
  orphansTitle: '孤立批注（原文在新版本中找不到）',
  close: '关闭',
  undoMove: '撤销移动',
  undoMoveHint: '把批注移回旧版本（移动后在新版本上改过的批注留在新版本）；新版本仍留在书架上',
  moveUndone: (title: string, restored: number, kept: number) =>
    `已撤销：${restored} 条批注移回《${title}》${kept > 0 ? `；${kept} 条在移动后改过，留在新版本` : ''}。`,
  filedElsewhere: (title: string, from: string, summary: string, held: number) =>
    `这是《${title}》的批注${from ? `（来自${from}）` : ''}，已归入书架中的这份报告：${summary}${held > 0 ? `；另有 ${held} 条会改动他人批注，请打开《${title}》后再导入一次以确认` : ''}。`,
  needsReport: (title: string) => `这是《${title}》的批注，书架上没有这份报告，未导入。请先添加《${title}》（书架 → 添加报告文件…），再导入。`,
} as const;

const pad = (n: number) => String(n).padStart(2, '0');
/** `2026-12-03`, local time. */
export const dateText = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

export const FORMAT_NAME = { txt: '文本', docx: 'Word', pdf: 'PDF', html: '网页' } as const;
