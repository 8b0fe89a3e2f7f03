/** The shell's preferences and reading positions in IndexedDB (renderer/db). */
import { ReadingPositionRepository, SettingsRepository, type YanduDB } from '../db';
import type { ShellPrefs } from './prefs';
import type { ShellStore } from './shell-store';

export function createShellStore(db: YanduDB): ShellStore {
  const settings = new SettingsRepository(db);
  const positions = new ReadingPositionRepository(db);
  // Preference writes are small and frequent (A+ pressed repeatedly): keep them in order and
  // never let one failure break the next.
  let chain: Promise<unknown> = Promise.resolve();
  const queue = (fn: () => Promise<unknown>) => {
    chain = chain.then(fn).catch((e) => console.error('设置保存失败', e));
    return chain.then(() => undefined);
  };
  return {
    async loadPrefs() {
      const s = await settings.getAll();
      const dark = s.theme === 'dark' || (s.theme === 'system' && window.matchMedia?.('(prefers-color-scheme: dark)').matches);
      return {
        fontSize: s.fontSize,
        theme: dark ? 'dark' : 'light',
        outlineCollapsed: s.outlineCollapsed,
        outlineHidden: !s.panels.outlineOpen,
        annotationsHidden: !s.panels.annotationsOpen,
        author: s.authorName,
        legend: s.legend,
      } satisfies ShellPrefs;
    },
    savePrefs(p) {
      return queue(async () => {
        const panels = await settings.get('panels');
        await settings.set('fontSize', p.fontSize);
        await settings.set('theme', p.theme);
        await settings.set('outlineCollapsed', p.outlineCollapsed);
        await settings.set('authorName', p.author.trim().slice(0, 100));
        await settings.set('legend', p.legend);
        await settings.set('panels', { ...panels, outlineOpen: !p.outlineHidden, annotationsOpen: !p.annotationsHidden });
      });
    },
    loadPosition: (reportId) => positions.load(reportId),
    savePosition: (pos) => queue(() => positions.save(pos)),
  };
}
