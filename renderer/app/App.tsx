/** The application shell: top bar, outline, reading column, side panels, commands. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MenuCommand, ReaderHost, Result } from '../../shared/ipc/contract';
import type { Report } from '../../shared/report/model';
import { MSG } from '../messages';
import { Outline } from '../reader/Outline';
import { ReaderView, type ReaderViewHandle } from '../reader/ReaderView';
import { DEFAULT_PREFS, stepFontSize, type ReadingPosition, type ShellPrefs } from './prefs';
import { positionAtTop, restorePosition } from './reading-position';
import type { ShellStore } from './shell-store';
import { useShortcuts } from './use-shortcuts';
import { useFileDrop } from '../import/use-file-drop';
import { SettingsDialog } from './SettingsDialog';
import { AnnotationWorkspace, type AnnotationWorkspaceHandle } from '../annotations/AnnotationWorkspace';
import type { AnnotationStorePort } from '../annotations/use-annotations';
import { preloadNoteFont } from './note-font';

interface Props {
  host: ReaderHost;
  store: ShellStore;
  annotationStore: AnnotationStorePort;
}

type LoadState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; report: Report; displayTitle: string };

export function App({ host, store, annotationStore }: Props) {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [prefs, setPrefs] = useState<ShellPrefs>(DEFAULT_PREFS);
  const [prefsLoaded, setPrefsLoaded] = useState(false);
  const [currentIndex, setCurrentIndex] = useState(0);
  const [toast, setToast] = useState<string | null>(null);
  const [searchOpen, setSearchOpen] = useState(false);
  const [printOpen, setPrintOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const reader = useRef<ReaderViewHandle>(null);
  const annotations = useRef<AnnotationWorkspaceHandle>(null);
  const saveTimer = useRef<number | undefined>(undefined);
  const restored = useRef(false);

  const report = state.kind === 'ready' ? state.report : null;
  const displayTitle = state.kind === 'ready' ? state.displayTitle : '';

  useEffect(() => {
    if (report) preloadNoteFont(report.paragraphs.map((p) => p.text).join(''));
  }, [report]);

  const loadBundled = useCallback(async () => {
    setState({ kind: 'loading' });
    const list = await host.listReports();
    if (!list.ok) return setState({ kind: 'error', message: list.error });
    // One bundled report today; opened files are not remembered between starts.
    const meta = list.value[0];
    if (!meta) return setState({ kind: 'error', message: '没有可用的报告。' });
    const res = await host.loadReport(meta.id);
    if (!res.ok) return setState({ kind: 'error', message: res.error });
    restored.current = false;
    setState({ kind: 'ready', report: res.value, displayTitle: meta.title });
  }, [host, store]);

  useEffect(() => {
    void store.loadPrefs().then((p) => {
      setPrefs({ ...DEFAULT_PREFS, ...p });
      setPrefsLoaded(true);
    });
    void loadBundled();
  }, [store, loadBundled]);

  const updatePrefs = useCallback(
    (patch: Partial<ShellPrefs>) => {
      setPrefs((prev) => {
        const next = { ...prev, ...patch };
        void store.savePrefs(next);
        return next;
      });
    },
    [store],
  );

  useEffect(() => {
    document.documentElement.dataset.theme = prefs.theme;
    document.documentElement.style.setProperty('--reader-font-size', `${prefs.fontSize}px`);
  }, [prefs.theme, prefs.fontSize]);

  useEffect(() => {
    if (displayTitle) document.title = `${MSG.appName} · ${displayTitle}`;
  }, [displayTitle]);

  const showToast = useCallback((text: string) => {
    setToast(text);
    window.setTimeout(() => setToast((t) => (t === text ? null : t)), 4000);
  }, []);

  // An unreadable file only shows its message: the open report stays as it was.
  const showOpened = useCallback((res: Result<Report | null>) => {
    if (!res.ok) return showToast(res.error);
    if (!res.value) return;
    restored.current = false;
    setState({ kind: 'ready', report: res.value, displayTitle: res.value.title });
    showToast(MSG.reportOpened(res.value.title));
  }, [showToast]);

  const openReport = useCallback(async () => showOpened(await host.openReportFile()), [host, showOpened]);
  const drop = useFileDrop(host, showOpened, showToast);

  const run = useCallback(
    (cmd: MenuCommand) => {
      switch (cmd) {
        case 'font-bigger':
          return updatePrefs({ fontSize: stepFontSize(prefs.fontSize, 1) });
        case 'font-smaller':
          return updatePrefs({ fontSize: stepFontSize(prefs.fontSize, -1) });
        case 'font-reset':
          return updatePrefs({ fontSize: DEFAULT_PREFS.fontSize });
        case 'toggle-theme':
          return updatePrefs({ theme: prefs.theme === 'dark' ? 'light' : 'dark' });
        case 'toggle-outline':
          return updatePrefs({ outlineHidden: !prefs.outlineHidden });
        case 'toggle-annotations':
          return updatePrefs({ annotationsHidden: !prefs.annotationsHidden });
        case 'open-report':
          return void openReport();
        case 'print-excerpts':
        case 'export-pdf':
          return setPrintOpen(true);
        case 'find':
          return setSearchOpen(true);
        case 'undo':
        case 'redo':
          return void annotations.current?.undoRedo(cmd);
        case 'export-annotations':
          return void annotations.current?.exchange('export');
        case 'import-annotations':
          return void annotations.current?.exchange('import');
        default:
          return;
      }
    },
    [prefs, updatePrefs, openReport],
  );

  useShortcuts(run);
  useEffect(() => host.onMenuCommand(run), [host, run]);

  const onRendered = useCallback(() => {
    if (!report || restored.current) return;
    restored.current = true;
    void store.loadPosition(report.id).then((pos) => {
      const scroller = reader.current?.scroller();
      if (pos && scroller) restorePosition(scroller, pos);
    });
  }, [report, store]);

  const pendingPosition = useRef<ReadingPosition | null>(null);
  const savePendingPosition = useCallback(async () => {
    const pos = pendingPosition.current;
    pendingPosition.current = null;
    window.clearTimeout(saveTimer.current);
    if (pos) await store.savePosition(pos);
  }, [store]);

  const onScroll = useCallback(() => {
    const scroller = reader.current?.scroller();
    if (!scroller || !report) return;
    const pos = positionAtTop(scroller, report.id);
    if (!pos) return;
    setCurrentIndex(pos.index);
    window.clearTimeout(saveTimer.current);
    pendingPosition.current = { reportId: pos.reportId, paragraphId: pos.paragraphId, offsetRatio: pos.offsetRatio };
    saveTimer.current = window.setTimeout(() => void savePendingPosition(), 250);
  }, [report, savePendingPosition]);

  // Closing right after scrolling still reopens at that place: the window waits for this save.
  useEffect(() => host.onBeforeClose(savePendingPosition), [host, savePendingPosition]);

  const collapsed = useMemo(() => new Set(report ? (prefs.outlineCollapsed[report.id] ?? []) : []), [prefs.outlineCollapsed, report]);
  const toggleCollapsed = useCallback(
    (id: string) => {
      const next = new Set(collapsed);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      if (report) updatePrefs({ outlineCollapsed: { ...prefs.outlineCollapsed, [report.id]: [...next] } });
    },
    [collapsed, updatePrefs, report, prefs.outlineCollapsed],
  );


  return (
    <div
      className={`app${prefs.outlineHidden ? ' no-outline' : ''}${drop.over ? ' drop-over' : ''}`}
      data-prefs-loaded={prefsLoaded}
      {...drop.handlers}
    >
      {drop.over && <div className="drop-hint" aria-hidden>{MSG.dropReport}</div>}
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{MSG.appName}</span>
          {report && <span className="brand-title">· {displayTitle}</span>}
        </div>
        <div className="topbar-tools" role="toolbar" aria-label="阅读工具">
          <button type="button" className="search-launch" onClick={() => run('find')} title="搜索正文与批注（Ctrl+F）" aria-pressed={searchOpen}>
            搜索 <kbd>Ctrl+F</kbd>
          </button>
          <button type="button" onClick={() => run('toggle-outline')} aria-pressed={!prefs.outlineHidden} title={prefs.outlineHidden ? MSG.showOutline : MSG.hideOutline}>
            {MSG.outline}
          </button>
          <button type="button" onClick={() => run('toggle-annotations')} aria-pressed={!prefs.annotationsHidden} title={prefs.annotationsHidden ? '显示批注列表' : '隐藏批注列表'}>
            批注列表
          </button>
          <button type="button" onClick={() => run('font-smaller')} title={MSG.fontSmallerTitle} aria-label={MSG.fontSmallerTitle}>
            {MSG.fontSmaller}
          </button>
          <button type="button" onClick={() => run('font-bigger')} title={MSG.fontBiggerTitle} aria-label={MSG.fontBiggerTitle}>
            {MSG.fontBigger}
          </button>
          <button type="button" onClick={() => run('toggle-theme')} title={MSG.themeToggle} aria-label={MSG.themeToggle} aria-pressed={prefs.theme === 'dark'}>
            ◐
          </button>
          <button type="button" onClick={() => run('open-report')} title={MSG.openReportTitle}>
            {MSG.openReport}
          </button>
          <button type="button" onClick={() => setSettingsOpen(true)} title="署名与颜色含义">
            设置
          </button>
          <button type="button" className="primary" onClick={() => run('print-excerpts')} title="打印或导出批注摘录（Ctrl+P）">
            打印摘录
          </button>
        </div>
      </header>
      <div className="workspace">
        {!prefs.outlineHidden && report && (
          <Outline
            report={report}
            currentIndex={currentIndex}
            collapsed={collapsed}
            onToggle={toggleCollapsed}
            onJump={(id) => reader.current?.scrollToParagraph(id, { flash: true })}
          />
        )}
        {!report && (
        <main className="reader-column">
          {state.kind === 'loading' && <p className="status">{MSG.loading}</p>}
          {state.kind === 'error' && (
            <div className="status error" role="alert">
              <p>
                {MSG.loadFailed}：{state.message}
              </p>
              <button type="button" onClick={() => void loadBundled()}>
                {MSG.retry}
              </button>
            </div>
          )}
        </main>
        )}
        {report && (
          <AnnotationWorkspace
            ref={annotations}
            report={report}
            reportTitle={displayTitle}
            store={annotationStore}
            author={prefs.author}
            onAuthorChange={(author) => updatePrefs({ author })}
            listHidden={prefs.annotationsHidden}
            reader={reader}
            toast={showToast}
            searchOpen={searchOpen}
            onSearchOpenChange={setSearchOpen}
            printOpen={printOpen}
            onPrintOpenChange={setPrintOpen}
            host={host}
            legend={prefs.legend}
            renderReader={(layer) => (
              <ReaderView ref={reader} report={report} marks={layer.marks} colors={layer.colors} onRendered={onRendered} onScroll={onScroll} onMarkClick={layer.onMarkClick} />
            )}
          />
        )}
      </div>
      {settingsOpen && (
        <SettingsDialog author={prefs.author} legend={prefs.legend} onSave={(author, legend) => updatePrefs({ author, legend })} onClose={() => setSettingsOpen(false)} />
      )}
      {toast && (
        <div className="toast" role="status">
          {toast}
        </div>
      )}
    </div>
  );
}
