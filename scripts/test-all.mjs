#!/usr/bin/env node
// `npm test`: unit tests, then the web build and the end-to-end tests (both run even if the
// first fails), then one summary line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
rmSync('test-results/unit.json', { force: true });
rmSync('test-results/e2e.json', { force: true });
const unit = spawnSync(npm, ['run', '-s', 'test:unit'], { stdio: 'inherit' });
const e2e = spawnSync(npm, ['run', '-s', 'test:e2e'], { stdio: 'inherit' });
const summary = spawnSync(process.execPath, ['scripts/test-summary.mjs', 'test-results/unit.json', 'test-results/e2e.json'], { stdio: 'inherit' });
process.exit(unit.status || e2e.status || summary.status ? 1 : 0);
