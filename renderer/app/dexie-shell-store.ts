/** The shell's settings and reading positions in IndexedDB (renderer/db). */
import { ReadingPositionRepository, SettingsRepository, type YanduDB } from '../db';
import type { ShellStore } from './shell-store';

export function createShellStore(db: YanduDB): ShellStore {
  const settings = new SettingsRepository(db);
  const positions = new ReadingPositionRepository(db);
  // Setting writes are small and frequent (A+ pressed repeatedly): keep them in order and
  // never let one failure break the next.
  let chain: Promise<unknown> = Promise.resolve();
  const queue = (fn: () => Promise<unknown>) => {
    chain = chain.then(fn).catch((e) => console.error('设置保存失败', e));
    return chain.then(() => undefined);
  };
  return {
    observeSettings(next) {
      const sub = settings.observeAll().subscribe({ next, error: (e) => console.error('设置读取失败', e) });
      return () => sub.unsubscribe();
    },
    setSetting: (key, value) => queue(() => settings.set(key, value)),
    changeLayout: (widthClass, patch) => queue(() => settings.change('layout', (l) => ({ ...l, [widthClass]: { ...l[widthClass], ...patch } }))),
    loadPosition: (reportId) => positions.load(reportId),
    savePosition: (pos) => queue(() => positions.save(pos)),
  };
}
