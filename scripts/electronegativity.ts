/**
 * Runs Doyensec's Electronegativity (Electron security linter) over the app's Electron and
 * renderer sources and fails on any HIGH or MEDIUM finding that scripts/electronegativity-explained.json
 * does not explain. An explanation that no longer matches a finding also fails, so the file never
 * keeps excuses for code that is gone.
 *
 *   npm run security                      # report; exit 0 clean, 1 unexplained/stale/unparsed, 2 tool failure
 *
 * Runs offline: the tool's check for newer Electron releases fails quietly without network, and the
 * Electron version is taken from package.json instead of being detected.
 * tests/scripts/electronegativity.test.ts runs it in the unit suite, so CI counts it.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  /** Relative to the scanned tree, e.g. `electron/main/index.ts`; `N/A` for app-wide checks. */
  file: string;
  /** `line:column`. */
  location: string;
  /** The source line the finding points at. */
  sample: string;
  description: string;
}

/** One reviewed finding: `check` in `file`, on a line containing `sample` (all if omitted). */
export interface Explanation {
  check: string;
  file: string;
  sample?: string;
  reason: string;
}

export interface Triage {
  /** HIGH/MEDIUM findings without an explanation: these fail the run. */
  unexplained: Finding[];
  explained: { finding: Finding; reason: string }[];
  /** Explanations that match no finding any more: these fail the run too. */
  stale: Explanation[];
  /** LOW and INFORMATIONAL findings, reported but never failing. */
  informational: Finding[];
}

/** Severities that must be explained. */
export const BLOCKING_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM'] as const;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const EXPLAINED_FILE = path.join(ROOT, 'scripts/electronegativity-explained.json');
/** What is scanned: the main process and preload, the renderer (its HTML carries the CSP), and package.json (for the Electron version). */
const SCANNED = ['electron', 'renderer', 'package.json'];

/** An issue as Electronegativity's runner returns it (the fields used here). */
export interface RawIssue {
  id: string;
  severity: { name: string };
  confidence: { name: string };
  file: string;
  location: { line: number; column: number };
  sample?: string;
  description: string;
}

/** Findings from the runner's issues; files made relative to the scanned directory, with `/`. */
export function findingsFromIssues(issues: readonly RawIssue[], scannedDir: string): Finding[] {
  return issues.map((i) => {
    if (typeof i.id !== 'string' || typeof i.severity?.name !== 'string' || typeof i.file !== 'string') {
      throw new Error(`Electronegativity's issue shape changed: ${JSON.stringify(i).slice(0, 200)}; update findingsFromIssues`);
    }
    return {
      check: i.id,
      severity: i.severity.name.toUpperCase(),
      confidence: i.confidence?.name ?? '',
      file: i.file === 'N/A' ? 'N/A' : path.relative(scannedDir, path.resolve(scannedDir, i.file)).split(path.sep).join('/'),
      location: `${i.location?.line ?? 0}:${i.location?.column ?? 0}`,
      sample: i.sample ?? '',
      description: i.description,
    };
  });
}

/** Checks the explanations file's shape: every entry names a check and a file and gives a real reason. */
export function parseExplanations(json: string): Explanation[] {
  const data: unknown = JSON.parse(json);
  const list = (data as { findings?: unknown }).findings;
  if (!Array.isArray(list)) throw new Error('electronegativity-explained.json: expected {"findings": [...]}');
  return list.map((e, i) => {
    const x = e as Partial<Explanation>;
    if (typeof x.check !== 'string' || typeof x.file !== 'string' || (x.sample !== undefined && typeof x.sample !== 'string')) {
      throw new Error(`electronegativity-explained.json: entry ${i + 1} needs "check" and "file" strings`);
    }
    if (typeof x.reason !== 'string' || x.reason.trim().length < 30) {
      throw new Error(`electronegativity-explained.json: entry ${i + 1} (${x.check}) needs a reason of at least 30 characters`);
    }
    return { check: x.check, file: x.file, sample: x.sample, reason: x.reason };
  });
}

const matches = (e: Explanation, f: Finding) => e.check === f.check && e.file === f.file && (e.sample === undefined || f.sample.includes(e.sample));

/** Sorts findings into unexplained (blocking), explained and informational, and finds stale explanations. */
export function triage(findings: readonly Finding[], explanations: readonly Explanation[]): Triage {
  const out: Triage = { unexplained: [], explained: [], stale: [], informational: [] };
  const used = new Set<Explanation>();
  for (const f of findings) {
    if (!(BLOCKING_SEVERITIES as readonly string[]).includes(f.severity)) {
      out.informational.push(f);
      continue;
    }
    const e = explanations.find((x) => matches(x, f));
    if (e) {
      used.add(e);
      out.explained.push({ finding: f, reason: e.reason });
    } else out.unexplained.push(f);
  }
  out.stale = explanations.filter((e) => !used.has(e));
  return out;
}

export interface RunResult {
  findings: Finding[];
  /** Files the tool could not parse (its checks would silently miss them), with its message. */
  parseErrors: string[];
}

/**
 * The runner, called in a child process so its global state (logger, locale, the release check)
 * stays out of ours. Its CLI is not used: the CLI writes the CSV header and the findings with two
 * concurrent async writes, and under load the header's truncating write can land last and erase
 * every finding, which would pass the gate with nothing checked.
 */
const CHILD = `
const run = require(process.argv[1]);
run({ input: process.argv[2], customScan: [], excludeFromScan: [], isRelative: true, isVerbose: false,
      electronVersionOverride: process.argv[3], parserPlugins: [] }, false)
  .then((r) => process.stdout.write('@@RESULT@@' + JSON.stringify({ issues: r.issues, errors: r.errors })))
  .catch((e) => { console.error(e && e.stack || e); process.exit(2); });
`;

/** Runs the installed Electronegativity on a copy of the scanned sources (so build output and tests are never scanned). */
export async function runElectronegativity(root = ROOT): Promise<RunResult> {
  const require = createRequire(import.meta.url);
  const runner = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist/runner.js');
  const electronVersion = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron.replace(/^[^\d]*/, '');
  const work = mkdtempSync(path.join(tmpdir(), 'yandu-electronegativity-'));
  try {
    const app = path.join(work, 'app');
    for (const entry of SCANNED) cpSync(path.join(root, entry), path.join(app, entry), { recursive: true });
    const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['-e', CHILD, runner, app, electronVersion], {
        env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8', FORCE_COLOR: '0' },
        timeout: 300_000,
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    const at = r.stdout.indexOf('@@RESULT@@');
    if (r.status !== 0 || at < 0) throw new Error(`electronegativity failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    const result = JSON.parse(r.stdout.slice(at + '@@RESULT@@'.length)) as { issues: RawIssue[]; errors: { file: string; message: string }[] };
    return {
      findings: findingsFromIssues(result.issues, app),
      parseErrors: result.errors.map((e) => `${path.relative(app, e.file)}: ${e.message}`),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function describe(f: Finding): string {
  return `${f.severity} ${f.check} ${f.file}:${f.location}  ${f.sample.trim().slice(0, 100)}`;
}

async function main(): Promise<number> {
  let run: RunResult;
  let explanations: Explanation[];
  try {
    explanations = parseExplanations(readFileSync(EXPLAINED_FILE, 'utf8'));
    run = await runElectronegativity();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 2;
  }
  const t = triage(run.findings, explanations);
  for (const { finding, reason } of t.explained) console.log(`explained  ${describe(finding)}\n           ${reason}`);
  for (const f of t.informational) console.log(`info       ${describe(f)}`);
  for (const f of t.unexplained) console.log(`UNEXPLAINED ${describe(f)}\n           ${f.description}`);
  for (const e of t.stale) console.log(`STALE      ${e.check} ${e.file} ${e.sample ?? ''}: matches no finding; remove it from scripts/electronegativity-explained.json`);
  for (const l of run.parseErrors) console.log(`PARSE      ${l.trim()}`);
  const bad = t.unexplained.length + t.stale.length + run.parseErrors.length;
  console.log(`electronegativity: ${run.findings.length} findings, ${t.explained.length} explained, ${t.unexplained.length} unexplained HIGH/MEDIUM, ${t.stale.length} stale explanations, ${run.parseErrors.length} files not parsed`);
  return bad > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main().then((code) => process.exit(code));
