import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveReportsDir } from '../../electron/main/report-store';

// js-yaml and app-builder-lib come with electron-builder (no own @types): load them untyped.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

const ROOT = path.resolve(__dirname, '../..');
const config = yaml.load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>;

type Target = { target: string; arch: string[] };
const targets = (platform: string): Target[] =>
  (config[platform].target as (string | Target)[]).map((t) => (typeof t === 'string' ? { target: t, arch: [] } : t));

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('cn.yandu.reader');
    expect(config.productName).toBe('研读');
    expect(config.directories.output).toBe('release');
  });

  it('packages the electron-vite output and ships the reports as extraResources', () => {
    expect(config.files).toContain('out/**/*');
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'resources/reports', to: 'reports' })]);
  });

  it('builds AppImage and deb for x64 and arm64, in the Office category, with a maintainer', () => {
    const linux = targets('linux');
    for (const name of ['AppImage', 'deb']) {
      const target = linux.find((t) => t.target === name);
      expect(target, name).toBeDefined();
      expect(target!.arch).toEqual(expect.arrayContaining(['x64', 'arm64']));
    }
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
  });

  it('builds nsis for Windows and dmg for macOS', () => {
    expect(targets('win').map((t) => t.target)).toEqual(['nsis']);
    expect(targets('mac').map((t) => t.target)).toEqual(['dmg']);
  });

  it('agrees with the main process on where the packaged reports and entry point are', () => {
    const packaged = resolveReportsDir({ isPackaged: true, resourcesPath: '/opt/yandu/resources', appPath: '/x' });
    expect(packaged).toBe(path.join('/opt/yandu/resources', config.extraResources[0].to));
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('out/main/index.js');
  });

  it("passes electron-builder's own configuration schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The validator does reject unknown keys, so the check above means something.
    await expect(
      validateConfiguration({ ...config, linux: { ...config.linux, bogus: true } }, new DebugLogger(false)),
    ).rejects.toThrow(/configuration/);
  });
});
