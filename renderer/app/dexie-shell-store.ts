import type { ShellStore } from './shell-store';
// TEMPORARY in-memory store until renderer/db lands.
export function createShellStore(): ShellStore {
  const prefs: Record<string, unknown> = {};
  const pos = new Map<string, never>();
  return {
    loadPrefs: async () => prefs,
    savePrefs: async (p) => void Object.assign(prefs, p),
    loadPosition: async (id) => pos.get(id) ?? null,
    savePosition: async (p) => void pos.set(p.reportId, p as never),
    lastReportId: async () => null,
  };
}
