import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const suites = readdirSync(resolve(ROOT, 'bench')).filter((f) => f.endsWith('.bench.ts'));

describe('npm run bench', () => {
  // `npm run bench` loads the suites with tsx outside Vitest: a suite that pulls in a test
  // helper importing 'vitest' dies before measuring anything.
  it('every suite loads under tsx and exports its bench function', () => {
    expect(suites.length).toBeGreaterThan(3);
    const script = `Promise.all(${JSON.stringify(suites)}.map((f) => import('./bench/' + f).then((m) => f + ':' + typeof (m.default && m.default.default ? m.default.default : m.default)))).then((r) => console.log(r.join('\\n')))`;
    const r = spawnSync(TSX, ['-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n').sort()).toEqual(suites.map((f) => `${f}:function`).sort());
  });
});
