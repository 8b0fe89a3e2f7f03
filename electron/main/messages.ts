/**
 * Every Chinese string the main process shows (dialogs, menu, error results), in one place so
 * wording stays consistent and can be reviewed without reading the wiring.
 */
export const MSG = {
  appName: '研读',
  untrustedSender: '请求被拒绝：来源不受信任。',
  invalidRequest: (detail: string) => `请求参数无效：${detail}`,
  unexpected: (detail: string) => `发生意外错误：${detail}`,

  // Reports
  reportsIndexMissing: (path: string) => `找不到内置报告清单（${path}）。安装可能不完整。`,
  reportsIndexInvalid: (detail: string) => `内置报告清单 index.json 格式错误：${detail}`,
  reportUnknown: (id: string) => `没有编号为“${id}”的内置报告。`,
  reportMetaMissing: (id: string) => `内置报告“${id}”缺少说明文件 meta.json。`,
  reportMetaInvalid: (id: string, detail: string) =>
    `内置报告“${id}”的说明文件 meta.json 格式错误：${detail}`,
  reportTyposInvalid: (id: string, detail: string) => `内置报告“${id}”的勘误表 typos.json 格式错误：${detail}`,
  reportSourceMissing: (id: string) => `内置报告“${id}”缺少正文文件 source.txt。`,
  reportDecodeFailed: (name: string, detail: string) => `报告“${name}”无法读取：${detail}`,
  reportSegmentFailed: (name: string, detail: string) => `报告“${name}”无法分段：${detail}`,

  // Files
  fileTooLarge: (sizeMb: string, limitMb: number) =>
    `文件过大（${sizeMb} MB），最大只能打开 ${limitMb} MB 的文件。`,
  readNotFound: '找不到该文件，可能已被移动或删除。',
  readDenied: '没有权限读取该文件。',
  readIsDirectory: '所选的是文件夹，不是文件。',
  readFailed: (detail: string) => `读取文件失败：${detail}`,
  writeNoSpace: '磁盘空间不足，文件未保存。请清理磁盘后重试；原有文件未被改动。',
  writeQuota: '已超出磁盘配额，文件未保存。原有文件未被改动。',
  writeDenied: '没有权限写入该位置，文件未保存。请换一个文件夹再试。',
  writeBusy: '文件正被其他程序占用，未能保存。请关闭该文件后重试。',
  writeReadOnly: '该位置是只读的，文件未保存。',
  writeDirMissing: '保存位置不存在，文件未保存。',
  writeIsDirectory: '所选路径是一个文件夹，文件未保存。',
  writeNameTooLong: '文件名过长，文件未保存。',
  writeFailed: (detail: string) => `保存文件失败：${detail}`,

  // Renderer crashes
  rendererGone: (reason: string) =>
    `研读的页面意外退出（${reason}），已自动重新加载。已保存的批注都在；刚才一两秒内输入的批注文字可能没有保存，请检查一下。`,
  rendererGoneRepeatedly: (reason: string) =>
    `研读的页面在一分钟内多次意外退出（${reason}），已停止自动重新加载。请重新启动研读；如果问题一再出现，可能是最近导入的批注文件有问题。`,
  rendererGoneReason: (reason: string): string =>
    ({
      crashed: '程序崩溃',
      oom: '内存不足',
      killed: '被系统终止',
      'abnormal-exit': '异常退出',
      'launch-failed': '无法启动',
      'integrity-failure': '程序文件校验失败',
      'memory-eviction': '内存被系统回收',
    })[reason] ?? `原因：${reason}`,

  // Printing
  printFailed: (reason: string) => `打印失败：${reason}`,
  pdfFailed: (detail: string) => `导出 PDF 失败：${detail}`,

  // Dialog titles
  dialogOpenReport: '打开报告',
  dialogOpenFile: '打开文件',
  dialogSaveFile: '保存文件',
  dialogSavePdf: '导出 PDF',
  filterReports: '报告（Word、PDF、网页、文本）',
  filterAll: '所有文件',
  filterPdf: 'PDF 文档',

  // About
  aboutTitle: '关于研读',
  aboutDetail: (version: string) =>
    `版本 ${version}\n离线阅读、批注和摘录政府工作报告。\n所有数据只保存在本机。`,
} as const;
