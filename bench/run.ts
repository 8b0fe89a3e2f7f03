/**
 * `npm run bench [-- name...]`: runs every bench/*.bench.ts suite (or the named ones) in turn.
 * Each suite prints its own table with a baseline measured in the same run.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** Suite names, and `--name value` options every suite may read (`--count 50000`). */
const args = process.argv.slice(2);
const wanted: string[] = [];
const options: Record<string, string> = {};
for (let i = 0; i < args.length; i++) {
  const m = /^--([\w-]+)(?:=(.*))?$/.exec(args[i]);
  if (!m) wanted.push(args[i]);
  else if (m[2] !== undefined) options[m[1]] = m[2];
  else options[m[1]] = args[++i] ?? '';
}
export type BenchOptions = Record<string, string>;
const suites = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

// An async main rather than top-level await: tsx loads this package's .ts files as CommonJS.
async function main(): Promise<void> {
  for (const file of suites) {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: unknown };
    // A CommonJS-transpiled module arrives as { default: { default: fn } }.
    const run = (typeof mod.default === 'function' ? mod.default : (mod.default as { default: () => Promise<void> }).default) as (o: BenchOptions) => Promise<void>;
    console.log(`\n## ${file.replace('.bench.ts', '')}`);
    await run(options);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
