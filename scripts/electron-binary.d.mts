export function offlineMessage(reason: unknown): string;
export function locateElectron(requireElectron: () => unknown): { ok: true; path: string } | { ok: false; message: string };
