import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createShelfDir } from '../../electron/main/shelf-dir';

const tmp = () => mkdtemp(path.join(os.tmpdir(), 'yandu-shelf-'));

describe('createShelfDir', () => {
  it('writes, reads and removes a report under its id', async () => {
    const dir = path.join(await tmp(), 'shelf');
    const shelf = createShelfDir(dir);
    expect(await shelf.write('r-0123456789abcdef', '{"title":"2026年山西省政府工作报告"}')).toEqual({ ok: true, value: undefined });
    expect(await readdir(dir)).toEqual(['r-0123456789abcdef.json']);
    expect(await shelf.read('r-0123456789abcdef')).toEqual({ ok: true, value: '{"title":"2026年山西省政府工作报告"}' });
    expect(await shelf.remove('r-0123456789abcdef')).toEqual({ ok: true, value: undefined });
    expect(await readdir(dir)).toEqual([]);
  });

  it('never reaches outside its folder', async () => {
    const shelf = createShelfDir(await tmp());
    for (const id of ['../x', 'r-0123456789abcdef/../../x', '/etc/passwd']) {
      expect(await shelf.read(id)).toMatchObject({ ok: false, error: expect.stringContaining('报告编号无效') });
      expect(await shelf.write(id, '{}')).toMatchObject({ ok: false });
      expect(await shelf.remove(id)).toMatchObject({ ok: false });
    }
  });

  it('says a damaged (non UTF-8) file is damaged', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, 'r-0123456789abcdef.json'), Buffer.from([0xff, 0xfe, 0x00, 0xd8]));
    expect(await createShelfDir(dir).read('r-0123456789abcdef')).toMatchObject({ ok: false, error: expect.stringContaining('已损坏') });
  });
});
