/** The application shell: top bar, outline, reading column, side panels, commands. */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MenuCommand, ReaderHost, Result } from '../../shared/ipc/contract';
import type { Report } from '../../shared/report/model';
import { MSG } from '../messages';
import { Outline } from '../reader/Outline';
import { ReaderView, type ReaderViewHandle } from '../reader/ReaderView';
import { stepFontSize, type ReadingPosition } from './prefs';
import { positionAtTop, restorePosition } from './reading-position';
import type { ShellStore } from './shell-store';
import { useShortcuts } from './use-shortcuts';
import { useFileDrop } from '../import/use-file-drop';
import { preloadNoteFont } from './note-font';
import { PanelBoundary, PanelError } from './PanelBoundary';
import { AuthorPrompt } from './AuthorPrompt';
import { createBackupService } from '../backup/backup-service';
import { draftRepository } from '../drafts/draft-db';
import { ownsUndo } from './text-entry';
import { DEFAULT_SETTINGS, type PanelChoice, type SettingKey, type Settings } from '../db/settings-repository';
import { SEARCH_BESIDE_LIST_MIN_PX, useWindowWidth, widthClassOf } from './use-width-class';
import { useRovingFocus } from './use-roving-focus';
import type { AnnotationRepository } from '../db';
import type { AnnotationStore } from '../annotations/annotation-store';
import { AnnotationStoreContext } from '../annotations/use-annotation-store';
import { AnnotationTools } from '../annotations/AnnotationTools';
import { AnnotationSide } from '../annotations/AnnotationSide';
import { AnnotationErrors } from '../annotations/AnnotationErrors';
import { LostNoteBar } from '../annotations/LostNoteBar';
import { useExchange } from '../annotations/use-exchange';
import { ImportReviewDialog } from '../annotations/ImportReviewDialog';
import type { ImportChoice } from '../annotations/exchange';
import type { MergeChange } from '../../shared/exchange';
import { SearchDock } from '../search/SearchDock';
import type { ShelfRepository } from '../library/shelf-repository';
import { useLibrary } from '../library/use-library';
import { ImportProgressBar } from '../import/ImportProgressBar';
import '../library/library.css';

// Loaded when first opened, not at start-up: 打印摘录 (with the print and Word code), 设置, and the
// 目标任务 / 起草 panes are not needed to show the report.
const ExcerptPanel = lazy(() => import('../print/ExcerptPanel').then((m) => ({ default: m.ExcerptPanel })));
const SettingsDialog = lazy(() => import('./SettingsDialog').then((m) => ({ default: m.SettingsDialog })));
const BackupPanel = lazy(() => import('../backup/BackupPanel').then((m) => ({ default: m.BackupPanel })));
const TargetsPane = lazy(() => import('../targets/TargetsPane'));
const DraftsPane = lazy(() => import('../drafts/DraftsPane'));

interface Props {
  host: ReaderHost;
  store: ShellStore;
  annotationStore: AnnotationStore;
  /** Read access for 导出批注 (every record, tombstones included). */
  repository: Pick<AnnotationRepository, 'listByReport' | 'listAllRows'>;
  /** The 书架: every report opened, its 回收站 and editions. */
  shelf: ShelfRepository;
}

type LoadState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; report: Report; displayTitle: string };

export function App({ host, store, annotationStore, repository, shelf }: Props) {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [prefsLoaded, setPrefsLoaded] = useState(false);
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const [currentIndex, setCurrentIndex] = useState(0);
  const [searchOpen, setSearchOpen] = useState(false);
  const [printOpen, setPrintOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [workPane, setWorkPane] = useState<'targets' | 'drafts' | null>(null);
  const reader = useRef<ReaderViewHandle>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  useRovingFocus(toolbar, TOOLBAR_ROVING);
  const saveTimer = useRef<number | undefined>(undefined);
  const restored = useRef(false);

  const report = state.kind === 'ready' ? state.report : null;
  const displayTitle = state.kind === 'ready' ? state.displayTitle : '';

  useEffect(() => {
    if (report) preloadNoteFont(report.paragraphs.map((p) => p.text).join(''));
  }, [report]);

  // A search hit in another report: jump there once it is drawn, instead of the saved position.
  const jumpAfterRender = useRef<string | null>(null);
  const showReport = useCallback((report: Report, title: string, at?: string) => {
    restored.current = false;
    jumpAfterRender.current = at ?? null;
    setState({ kind: 'ready', report, displayTitle: title });
  }, []);
  const [toast, setToast] = useState<string | null>(null);
  const showToast = useCallback((text: string) => {
    setToast(text);
    window.setTimeout(() => setToast((t) => (t === text ? null : t)), 4000);
  }, []);
  const library = useLibrary({
    host,
    shelf,
    repository,
    current: report,
    author: settings.authorName,
    toast: showToast,
    show: showReport,
    jumpTo: (id) => reader.current?.scrollToParagraph(id, { flash: true }),
  });
  const startLibrary = library.start;
  // 两年对照: last year's report of the same place, when the 书架 holds it.
  const [lastYear, setLastYear] = useState<Report | null>(null);
  const lastYearOf = library.lastYearOf;
  useEffect(() => {
    if (!report || workPane !== 'targets') return;
    let live = true;
    void lastYearOf(report).then((r) => live && setLastYear(r));
    return () => {
      live = false;
    };
  }, [report, workPane, lastYearOf]);
  // The bundled report joins the 书架 and the last report read opens again.
  const loadBundled = useCallback(async () => {
    setState({ kind: 'loading' });
    const r = await startLibrary();
    if (!r.ok) setState({ kind: 'error', message: r.error });
  }, [startLibrary]);
  const started = useRef(false);

  useEffect(() => {
    // Every window follows the settings as stored, also when another window changes one.
    const stop = store.observeSettings((s) => {
      // The name is stored trimmed: keep the space just typed in the 署名 field.
      setSettings((prev) => ({ ...s, authorName: prev.authorName.trim() === s.authorName ? prev.authorName : s.authorName }));
      setPrefsLoaded(true);
    });
    if (!started.current) {
      started.current = true;
      void loadBundled();
    }
    return stop;
  }, [store, loadBundled]);

  useEffect(() => {
    annotationStore.setReport(report);
  }, [annotationStore, report]);

  useEffect(() => {
    setRoot(reader.current?.scroller() ?? null);
  }, [report]);

  /** Shows the new value at once and writes that one key. */
  const updateSetting = useCallback(
    <K extends SettingKey>(key: K, value: Settings[K]) => {
      setSettings((prev) => ({ ...prev, [key]: value }));
      void store.setSetting(key, value);
    },
    [store],
  );
  const windowWidth = useWindowWidth();
  const widthClass = widthClassOf(windowWidth);
  const updatePanels = useCallback(
    (patch: Partial<PanelChoice>) => {
      // A narrow window has room for the text and one panel: opening one closes the other.
      const full = widthClass === 'narrow' && (patch.outlineOpen || patch.annotationsOpen) ? { outlineOpen: false, annotationsOpen: false, ...patch } : patch;
      setSettings((prev) => ({ ...prev, layout: { ...prev.layout, [widthClass]: { ...prev.layout[widthClass], ...full } } }));
      void store.changeLayout(widthClass, full);
    },
    [store, widthClass],
  );

  const theme = settings.theme === 'system' ? (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light') : settings.theme;
  const outlineHidden = !settings.layout[widthClass].outlineOpen;
  const annotationsHidden = !settings.layout[widthClass].annotationsOpen;
  // While searching, the results take the right-hand side where there is no room for both (and,
  // on a narrow window, the outline steps aside too); both come back when the search closes.
  const listYields = searchOpen && windowWidth < SEARCH_BESIDE_LIST_MIN_PX;
  const outlineYields = searchOpen && widthClass === 'narrow';
  const author = settings.authorName;

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.setProperty('--reader-font-size', `${settings.fontSize}px`);
  }, [theme, settings.fontSize]);

  // A note being typed is saved when the window is hidden or closes (and on blur, by the editor).
  useEffect(() => host.onBeforeClose(() => annotationStore.flushNote()), [host, annotationStore]);
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void annotationStore.flushNote();
    };
    document.addEventListener('visibilitychange', onHidden);
    return () => document.removeEventListener('visibilitychange', onHidden);
  }, [annotationStore]);

  useEffect(() => {
    if (displayTitle) document.title = `${MSG.appName} · ${displayTitle}`;
  }, [displayTitle]);

  // An unreadable file only shows its message: the open report stays as it was. A readable one
  // goes on the 书架 (or is offered as a new edition of a report there).
  const admitOpened = library.admitOpened;
  const showOpened = useCallback((res: Result<Report | null>) => void admitOpened(res), [admitOpened]);

  const openReport = useCallback(async () => showOpened(await host.openReportFile()), [host, showOpened]);
  const drop = useFileDrop(host, showOpened, showToast);

  const titleRef = useRef(displayTitle);
  titleRef.current = displayTitle;
  const titleOfRef = useRef(library.titleOf);
  titleOfRef.current = library.titleOf;
  const reportIdRef = useRef<string | null>(null);
  reportIdRef.current = report?.id ?? null;
  const backups = useMemo(
    () =>
      createBackupService({
        host,
        repository,
        store: annotationStore,
        titleOf: (id) => (id === reportIdRef.current ? titleRef.current : titleOfRef.current(id)),
        drafts: { listAll: () => draftRepository().listAll(), putAll: (rows) => draftRepository().putAll(rows) },
      }),
    [host, repository, annotationStore],
  );
  // The daily backup, a little after the first report is open: reading all annotations and
  // writing a copy must not compete with the report's first paint (a failure is only logged).
  useEffect(() => {
    if (!report) return;
    const timer = window.setTimeout(() => void backups.backUpDailyIfDue().catch((e) => console.error('每日备份失败', e)), DAILY_BACKUP_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [backups, report]);

  // 署名: asked at the first unsigned annotation or export; 以后再说 holds for this session.
  const [authorAsk, setAuthorAsk] = useState<{ initial: string; unsigned: number; focus: boolean; answer(name: string | null): void } | null>(null);
  const authorLater = useRef(false);
  const requestAuthor = useCallback(
    (initial: string, force = false) =>
      new Promise<string | null>((resolve) => {
        if (authorLater.current && !force) return resolve(null);
        const unsigned = annotationStore.getState().list.filter((a) => !a.author.trim()).length;
        setAuthorAsk({
          initial,
          unsigned,
          focus: force,
          answer: (name) => {
            setAuthorAsk(null);
            if (name === null) authorLater.current = true;
            resolve(name);
          },
        });
      }),
    [annotationStore],
  );
  const signAs = useCallback(
    async (name: string) => {
      updateSetting('authorName', name);
      const n = await annotationStore.signUnsigned(name);
      showToast(n > 0 ? `已署名“${name}”，并为之前的 ${n} 条批注署名（Ctrl+Z 撤销）` : `已署名“${name}”`);
    },
    [annotationStore, updateSetting, showToast],
  );
  const onUnsigned = useCallback(() => {
    void requestAuthor('').then((name) => (name ? signAs(name) : undefined));
  }, [requestAuthor, signAs]);
  /** Before 导出批注: a name, and no unsigned annotations, if the user agrees. */
  const beforeExport = useCallback(async () => {
    const unsigned = annotationStore.getState().list.some((a) => !a.author.trim());
    if (author.trim() && !unsigned) return author;
    const name = await requestAuthor(author, true);
    if (name) await signAs(name);
    return name ?? author;
  }, [annotationStore, author, requestAuthor, signAs]);

  const [review, setReview] = useState<{ changes: MergeChange[]; from: string; answer(choice: ImportChoice): void } | null>(null);
  const confirmImport = useCallback(
    (changes: MergeChange[], from: string) =>
      new Promise<ImportChoice>((resolve) =>
        setReview({
          changes,
          from,
          answer: (choice) => {
            setReview(null);
            resolve(choice);
          },
        }),
      ),
    [],
  );
  const backUpBeforeImport = useCallback(async () => {
    const r = await backups.backUp('import');
    if (!r.ok) throw new Error(`${r.error}（为保险起见，未导入）`);
  }, [backups]);
  const libraryFileElsewhere = library.fileElsewhere;
  const fileElsewhere = useCallback(
    async (file: Parameters<typeof libraryFileElsewhere>[0]) => {
      await backUpBeforeImport();
      return libraryFileElsewhere(file);
    },
    [backUpBeforeImport, libraryFileElsewhere],
  );
  const exchange = useExchange({ store: annotationStore, report, reportTitle: displayTitle, author, legend: settings.legend, host, repository, toast: showToast, confirm: confirmImport, beforeApply: backUpBeforeImport, beforeExport, elsewhere: fileElsewhere });

  const undoRedo = useCallback(
    async (cmd: 'undo' | 'redo') => {
      if (ownsUndo(document.activeElement)) {
        // A text field's own undo (the note editor's history, an input's).
        document.execCommand(cmd);
        return;
      }
      const label = cmd === 'undo' ? await annotationStore.undo() : await annotationStore.redo();
      showToast(label ? `${cmd === 'undo' ? '已撤销' : '已重做'}：${label}` : cmd === 'undo' ? '没有可撤销的操作' : '没有可重做的操作');
    },
    [annotationStore, showToast],
  );

  const run = useCallback(
    (cmd: MenuCommand) => {
      switch (cmd) {
        case 'font-bigger':
          return updateSetting('fontSize', stepFontSize(settings.fontSize, 1));
        case 'font-smaller':
          return updateSetting('fontSize', stepFontSize(settings.fontSize, -1));
        case 'font-reset':
          return updateSetting('fontSize', DEFAULT_SETTINGS.fontSize);
        case 'toggle-theme':
          return updateSetting('theme', theme === 'dark' ? 'light' : 'dark');
        case 'toggle-outline':
          return updatePanels({ outlineOpen: outlineHidden });
        case 'toggle-annotations':
          return updatePanels({ annotationsOpen: annotationsHidden });
        case 'open-report':
          return void openReport();
        case 'open-shelf':
          return library.showShelf();
        case 'print-excerpts':
        case 'export-pdf':
          return setPrintOpen(true);
        case 'find':
          return setSearchOpen(true);
        case 'undo':
        case 'redo':
          return void undoRedo(cmd);
        case 'export-annotations':
          return void exchange('export');
        case 'import-annotations':
          return void exchange('import');
        default:
          return;
      }
    },
    [settings.fontSize, theme, outlineHidden, annotationsHidden, updateSetting, updatePanels, openReport, undoRedo, exchange, library.showShelf],
  );

  useShortcuts(run);
  useEffect(() => host.onMenuCommand(run), [host, run]);

  const onRendered = useCallback(() => {
    if (!report || restored.current) return;
    restored.current = true;
    const at = jumpAfterRender.current;
    jumpAfterRender.current = null;
    if (at) return reader.current?.scrollToParagraph(at, { flash: true });
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

  const collapsed = useMemo(() => new Set(report ? (settings.outlineCollapsed[report.id] ?? []) : []), [settings.outlineCollapsed, report]);
  const toggleCollapsed = useCallback(
    (id: string) => {
      const next = new Set(collapsed);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      if (report) updateSetting('outlineCollapsed', { ...settings.outlineCollapsed, [report.id]: [...next] });
    },
    [collapsed, updateSetting, report, settings.outlineCollapsed],
  );

  const jumpTo = useCallback((paragraphId: string, flash = true) => reader.current?.scrollToParagraph(paragraphId, { flash }), []);


  return (
    <AnnotationStoreContext.Provider value={annotationStore}>
    <div
      className={`app${outlineHidden ? ' no-outline' : ''}${drop.over ? ' drop-over' : ''}`}
      data-prefs-loaded={prefsLoaded}
      {...drop.handlers}
    >
      {drop.over && <div className="drop-hint" aria-hidden>{MSG.dropReport}</div>}
      <a
        className="skip-link"
        href="#reader"
        onClick={(e) => {
          e.preventDefault();
          reader.current?.scroller()?.focus();
        }}
      >
        跳到正文
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{MSG.appName}</span>
          {report && <span className="brand-title">· {displayTitle}</span>}
        </div>
        <div className="topbar-tools" role="toolbar" aria-label="阅读工具" ref={toolbar}>
          <button type="button" className="search-launch" onClick={() => run('find')} title="搜索正文与批注（Ctrl+F）" aria-pressed={searchOpen}>
            搜索 <kbd>Ctrl+F</kbd>
          </button>
          <button type="button" onClick={() => run('toggle-outline')} aria-pressed={!outlineHidden} title={outlineHidden ? MSG.showOutline : MSG.hideOutline}>
            {MSG.outline}
          </button>
          <button type="button" onClick={() => run('toggle-annotations')} aria-pressed={!annotationsHidden} title={annotationsHidden ? '显示批注列表' : '隐藏批注列表'}>
            批注列表
          </button>
          <button type="button" onClick={() => run('font-smaller')} title={MSG.fontSmallerTitle} aria-label={MSG.fontSmallerTitle}>
            {MSG.fontSmaller}
          </button>
          <button type="button" onClick={() => run('font-bigger')} title={MSG.fontBiggerTitle} aria-label={MSG.fontBiggerTitle}>
            {MSG.fontBigger}
          </button>
          <button type="button" onClick={() => run('toggle-theme')} title={MSG.themeToggle} aria-label={MSG.themeToggle} aria-pressed={theme === 'dark'}>
            ◐
          </button>
          <button type="button" onClick={() => run('open-shelf')} title={MSG.shelfTitle}>
            {MSG.shelf}
          </button>
          <button type="button" onClick={() => setWorkPane((p) => (p === 'targets' ? null : 'targets'))} aria-pressed={workPane === 'targets'} title="报告中的目标任务一览">
            目标任务
          </button>
          <button type="button" onClick={() => setWorkPane((p) => (p === 'drafts' ? null : 'drafts'))} aria-pressed={workPane === 'drafts'} title="起草代表建议和审议发言提纲">
            起草
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
        {!outlineHidden && !outlineYields && report && (
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
          <main className="reader-column">
            <AnnotationErrors />
            <LostNoteBar author={author} />
            {authorAsk && (
              <AuthorPrompt initial={authorAsk.initial} unsigned={authorAsk.unsigned} focus={authorAsk.focus} onSave={(name) => authorAsk.answer(name)} onLater={() => authorAsk.answer(null)} />
            )}
            <PanelBoundary fallback={(_e, retry) => <PanelError what="报告正文" retry={retry} />}>
              <ReaderView ref={reader} report={report} onRendered={onRendered} onScroll={onScroll} />
            </PanelBoundary>
          </main>
        )}
        {report && (
          <PanelBoundary fallback={(_e, retry) => <PanelError what="搜索" retry={retry} />}>
            <SearchDock report={report} root={root} open={searchOpen} onOpenChange={setSearchOpen} jumpTo={jumpTo} shelf={library.search} />
          </PanelBoundary>
        )}
        {report && (
          <PanelBoundary fallback={(_e, retry) => <PanelError what="标注工具" retry={retry} />}>
            <AnnotationTools report={report} reportTitle={displayTitle} root={root} author={author} legend={settings.legend} toast={showToast} onUnsigned={onUnsigned} />
          </PanelBoundary>
        )}
        {report && printOpen && (
          <PanelBoundary
            fallback={() => (
              <div className="excerpt-builder" role="dialog" aria-label="打印摘录">
                <PanelError what="打印摘录" retry={() => setPrintOpen(false)} />
              </div>
            )}
          >
            <Suspense fallback={null}>
              <ExcerptPanel report={report} reportTitle={displayTitle} legend={settings.legend} userName={author} host={host} toast={showToast} onClose={() => setPrintOpen(false)} />
            </Suspense>
          </PanelBoundary>
        )}
        {report && workPane && (
          <PanelBoundary fallback={(_e, retry) => <PanelError what={workPane === 'targets' ? '目标任务' : '起草'} retry={retry} />}>
            <Suspense fallback={<p className="status">{MSG.loading}</p>}>
              {workPane === 'targets' ? (
                <TargetsPane report={report} reportTitle={displayTitle} author={author} host={host} lastYear={lastYear} openLastYear={(row) => lastYear && void library.openById(lastYear.id, row.paragraphId).then((ok) => ok && setWorkPane(null))} root={root} jumpTo={jumpTo} toast={showToast} onClose={() => setWorkPane(null)} />
              ) : (
                <DraftsPane report={report} reportTitle={displayTitle} legend={settings.legend} host={host} root={root} jumpTo={jumpTo} toast={showToast} onClose={() => setWorkPane(null)} />
              )}
            </Suspense>
          </PanelBoundary>
        )}
        {report && !annotationsHidden && !listYields && (
          <PanelBoundary fallback={(_e, retry) => <div className="annotation-side"><PanelError what="批注列表" retry={retry} /></div>}>
            <AnnotationSide report={report} author={author} onAuthorChange={(a) => updateSetting('authorName', a)} legend={settings.legend} exchange={exchange} jumpTo={jumpTo} toast={showToast} />
          </PanelBoundary>
        )}
      </div>
      {settingsOpen && (
        <Suspense fallback={null}>
        <SettingsDialog
          backups={<BackupPanel service={backups} host={host} toast={showToast} />}
          author={author}
          legend={settings.legend}
          onSave={(name, legend) => {
            updateSetting('authorName', name.trim());
            updateSetting('legend', legend);
          }}
          onClose={() => setSettingsOpen(false)}
        />
        </Suspense>
      )}
      {library.element}
      {review && <ImportReviewDialog changes={review.changes} from={review.from} onChoose={review.answer} />}
      <ImportProgressBar />
      {toast && (
        <div className="toast" role="status">
          {toast}
        </div>
      )}
    </div>
    </AnnotationStoreContext.Provider>
  );
}

/** How long after opening a report the daily backup starts. */
const DAILY_BACKUP_DELAY_MS = 8000;

const TOOLBAR_ROVING = { selector: 'button', prev: ['ArrowLeft'], next: ['ArrowRight'] } as const;
