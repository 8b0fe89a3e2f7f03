/**
 * The Electronegativity gate: reading its findings and the triage on their own, then two real runs of the
 * installed tool (offline): the repository as it is must pass, and the same tree with one insecure
 * window planted in it must fail on exactly that window.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  EXPLAINED_FILE,
  findingsFromIssues,
  parseExplanations,
  runElectronegativity,
  triage,
  type Explanation,
  type Finding,
  type RawIssue,
} from '../../scripts/electronegativity';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const finding = (over: Partial<Finding>): Finding => ({
  check: 'SANDBOX_JS_CHECK',
  severity: 'MEDIUM',
  confidence: 'FIRM',
  file: 'electron/main/index.ts',
  location: '84:59',
  sample: 'const w = new BrowserWindow(options);',
  description: 'Use sandbox for untrusted origins',
  ...over,
});

describe('findingsFromIssues', () => {
  it("reads the runner's issues, with files relative to the scanned tree", () => {
    const issues: RawIssue[] = [
      {
        id: 'CONTEXT_ISOLATION_JS_CHECK',
        severity: { name: 'HIGH' },
        confidence: { name: 'FIRM' },
        file: 'electron/main/index.ts',
        location: { line: 84, column: 59 },
        sample: 'const { window } = createMainWindow((options) => new BrowserWindow(options), {',
        description: 'Review the use of the contextIsolation option',
      },
      { id: 'CSP_GLOBAL_CHECK', severity: { name: 'MEDIUM' }, confidence: { name: 'CERTAIN' }, file: 'N/A', location: { line: 0, column: 0 }, description: 'No CSP has been detected in the target application' },
      { id: 'X', severity: { name: 'low' }, confidence: { name: 'TENTATIVE' }, file: '/tmp/scan/app/renderer/index.html', location: { line: 6, column: 0 }, sample: 'csp', description: 'd' },
    ];
    expect(findingsFromIssues(issues, '/tmp/scan/app')).toEqual([
      {
        check: 'CONTEXT_ISOLATION_JS_CHECK',
        severity: 'HIGH',
        confidence: 'FIRM',
        file: 'electron/main/index.ts',
        location: '84:59',
        sample: 'const { window } = createMainWindow((options) => new BrowserWindow(options), {',
        description: 'Review the use of the contextIsolation option',
      },
      { check: 'CSP_GLOBAL_CHECK', severity: 'MEDIUM', confidence: 'CERTAIN', file: 'N/A', location: '0:0', sample: '', description: 'No CSP has been detected in the target application' },
      { check: 'X', severity: 'LOW', confidence: 'TENTATIVE', file: 'renderer/index.html', location: '6:0', sample: 'csp', description: 'd' },
    ]);
  });

  it('refuses issues whose shape changed, rather than misreading them', () => {
    expect(() => findingsFromIssues([{ rule: 'X' } as unknown as RawIssue], '/x')).toThrow(/issue shape changed/);
  });
});

describe('triage', () => {
  const why = 'The options come from a factory that sets it; tested in tests/electron.';
  const explain = (over: Partial<Explanation> = {}): Explanation => ({ check: 'SANDBOX_JS_CHECK', file: 'electron/main/index.ts', sample: 'new BrowserWindow(options)', reason: why, ...over });

  it('explains a HIGH/MEDIUM finding by check, file and sample', () => {
    const f = finding({});
    expect(triage([f], [explain()])).toEqual({ unexplained: [], explained: [{ finding: f, reason: why }], stale: [], informational: [] });
  });

  it.each([
    ['another check', { check: 'CONTEXT_ISOLATION_JS_CHECK' }],
    ['another file', { file: 'electron/main/pdf.ts' }],
    ['another line', { sample: 'new BrowserWindow({ webPreferences: { sandbox: false } })' }],
  ])('does not let an explanation cover %s', (_name, over) => {
    const f = finding(over);
    const t = triage([f], [explain()]);
    expect(t.unexplained).toEqual([f]);
    expect(t.stale).toEqual([explain()]);
  });

  it('never blocks on LOW or INFORMATIONAL findings', () => {
    const low = finding({ severity: 'LOW' });
    const info = finding({ severity: 'INFORMATIONAL' });
    expect(triage([low, info], [])).toEqual({ unexplained: [], explained: [], stale: [], informational: [low, info] });
  });

  it('blocks CRITICAL like HIGH', () => {
    expect(triage([finding({ severity: 'CRITICAL' })], []).unexplained).toHaveLength(1);
  });
});

describe('the explanations file', () => {
  it('parses, and every entry gives a reason', () => {
    const list = parseExplanations(readFileSync(EXPLAINED_FILE, 'utf8'));
    expect(list.length).toBeGreaterThan(0);
    for (const e of list) expect(e.reason.length).toBeGreaterThanOrEqual(30);
  });

  it.each([
    ['no findings list', '{}', /expected \{"findings"/],
    ['a short reason', '{"findings":[{"check":"X","file":"a.ts","reason":"fine"}]}', /reason of at least 30/],
    ['no check', '{"findings":[{"file":"a.ts","reason":"a long enough reason for the parser here"}]}', /needs "check" and "file"/],
  ])('refuses %s', (_name, json, message) => {
    expect(() => parseExplanations(json)).toThrow(message);
  });
});

describe.concurrent('Electronegativity on the real sources (offline)', () => {
  const planted = mkdtempSync(join(tmpdir(), 'yandu-planted-'));
  afterAll(() => rmSync(planted, { recursive: true, force: true }));

  it('npm run security passes: every HIGH/MEDIUM finding is explained, no explanation is stale', async () => {
    const r = await new Promise<{ code: number | null; out: string }>((done) => {
      const child = spawn(join(root, 'node_modules/.bin/tsx'), ['scripts/electronegativity.ts'], { cwd: root });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
      child.on('close', (code) => done({ code, out }));
    });
    expect(r.out).toMatch(/electronegativity: \d+ findings, [1-9]\d* explained, 0 unexplained HIGH\/MEDIUM, 0 stale explanations, 0 files not parsed/);
    expect(r.code).toBe(0);
  }, 180_000);

  it('catches an insecure window planted in the same tree, and only that, and reports a file it cannot parse', async () => {
    for (const entry of ['electron', 'renderer', 'package.json']) cpSync(join(root, entry), join(planted, entry), { recursive: true });
    writeFileSync(
      join(planted, 'electron/main/planted.ts'),
      "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false } });\n",
    );
    writeFileSync(join(planted, 'renderer/broken.ts'), 'export const x = ;;; <<< {\n');
    const run = await runElectronegativity(planted);
    const t = triage(run.findings, parseExplanations(readFileSync(EXPLAINED_FILE, 'utf8')));
    expect(t.unexplained.length).toBeGreaterThan(0);
    expect(new Set(t.unexplained.map((f) => f.file))).toEqual(new Set(['electron/main/planted.ts']));
    expect(t.unexplained.map((f) => f.check)).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']));
    expect(t.stale).toEqual([]);
    // A file the tool cannot parse is reported, not silently skipped.
    expect(run.parseErrors).toEqual([expect.stringMatching(/^renderer\/broken\.ts: /)]);
  }, 180_000);
});
