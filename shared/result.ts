/**
 * The outcome of something that can fail for an expected reason (a bad file, a refused
 * payload): the value, or a message for the user. Used across IPC, files and imports.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(error: string): Result<T> => ({ ok: false, error });

/** Minimal shape of a zod error (shared/ stays free of a zod import here). */
interface IssueList {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/**
 * One line naming each problem with its field path (`annotations.3.color：…；…`), at most
 * `limit` of them: how every validation failure is worded, in logs and for the user.
 */
export function issuesText(error: IssueList, limit = 5): string {
  return error.issues
    .slice(0, limit)
    .map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}：${i.message}` : i.message))
    .join('；');
}
