import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  it('sets the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Integrity validation covers app.asar only; without asar it would protect nothing.
    expect(config.asar).toBe(true);
  });

  it("flips exactly those fuses in an Electron binary, through electron-builder's own code path", async () => {
    const { PlatformPackager } = require('app-builder-lib');
    const fuses = require('@electron/fuses');
    const fuseConfig = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    // A stand-in for the Electron executable: the sentinel, wire version 1, 8 fuses in
    // Electron's default state (RunAsNode, NODE_OPTIONS, inspect and file:// privileges on).
    const { FuseV1Options: F } = fuses;
    // The wire stores each fuse as an ASCII digit (@electron/fuses keeps FuseState private).
    const S = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0) };
    const defaults = [S.ENABLE, S.DISABLE, S.ENABLE, S.ENABLE, S.DISABLE, S.DISABLE, S.DISABLE, S.ENABLE];
    const dir = mkdtempSync(path.join(tmpdir(), 'yandu-fuses-'));
    try {
      const binary = path.join(dir, 'yandu');
      writeFileSync(binary, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8, ...defaults]), Buffer.alloc(4096, 7)]));
      await fuses.flipFuses(binary, fuseConfig);
      const wire = await fuses.getCurrentFuseWire(binary);
      expect({
        runAsNode: wire[F.RunAsNode],
        cookieEncryption: wire[F.EnableCookieEncryption],
        nodeOptions: wire[F.EnableNodeOptionsEnvironmentVariable],
        inspect: wire[F.EnableNodeCliInspectArguments],
        asarIntegrity: wire[F.EnableEmbeddedAsarIntegrityValidation],
        onlyAsar: wire[F.OnlyLoadAppFromAsar],
        v8Snapshot: wire[F.LoadBrowserProcessSpecificV8Snapshot],
        fileProtocol: wire[F.GrantFileProtocolExtraPrivileges],
      }).toEqual({
        runAsNode: S.DISABLE,
        cookieEncryption: S.ENABLE,
        nodeOptions: S.DISABLE,
        inspect: S.DISABLE,
        asarIntegrity: S.ENABLE,
        onlyAsar: S.ENABLE,
        v8Snapshot: S.DISABLE, // untouched: Electron's default
        fileProtocol: S.DISABLE,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a misspelt fuse (the schema is strict about fuse names)', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    await expect(
      validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsnode: false } }, new DebugLogger(false)),
    ).rejects.toThrow(/configuration/);
  });
});
