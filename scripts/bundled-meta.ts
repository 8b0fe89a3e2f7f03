/**
 * For the CLIs: a bundled report is `<id>/source.txt` beside its meta.json (and typos.json); its
 * id, title and known typos come from there, as in the app.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ReportFile } from '../shared/report/load/load-report';
import { parseKnownTypos } from '../shared/report/typos';

/** The bundled metadata for `file`, or undefined for any other file. Throws on a broken typos.json. */
export function bundledMeta(file: string): ReportFile['bundled'] {
  if (basename(file) !== 'source.txt') return undefined;
  const dir = dirname(resolve(file));
  const metaFile = join(dir, 'meta.json');
  if (!existsSync(metaFile)) return undefined;
  let meta: { id?: unknown; title?: unknown };
  try {
    meta = JSON.parse(readFileSync(metaFile, 'utf8')) as typeof meta;
  } catch {
    return undefined;
  }
  if (typeof meta.id !== 'string' || typeof meta.title !== 'string') return undefined;
  const typosFile = join(dir, 'typos.json');
  const typos = existsSync(typosFile) ? parseKnownTypos(JSON.parse(readFileSync(typosFile, 'utf8'))) : [];
  return { id: meta.id, title: meta.title, typos };
}
