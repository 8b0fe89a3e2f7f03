import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDebouncedSaver } from '../../../renderer/db/debounced-saver';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => {
  vi.useRealTimers();
});

function recorder() {
  const saved: { value: string; at: number }[] = [];
  return { saved, save: async (value: string) => void saved.push({ value, at: Date.now() }) };
}

describe('createDebouncedSaver', () => {
  it('writes once, 150 ms after the last change when typing pauses', async () => {
    const { saved, save } = recorder();
    const s = createDebouncedSaver(save);
    s.schedule('要');
    await vi.advanceTimersByTimeAsync(50);
    s.schedule('要问');
    expect(s.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(149);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual([{ value: '要问', at: 200 }]);
    expect(s.pending).toBe(false);
  });

  it('is never more than 300 ms behind while typing goes on', async () => {
    const { saved, save } = recorder();
    const s = createDebouncedSaver(save);
    // A keystroke every 100 ms for 1 s.
    for (let i = 1; i <= 10; i++) {
      s.schedule(`v${i}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved.map((x) => x.value)).toEqual(['v3', 'v6', 'v9', 'v10']);
    expect(saved.map((x) => x.at)).toEqual([300, 600, 900, 1050]);
  });

  it('flush writes at once and waits; nothing more is written afterwards', async () => {
    const { saved, save } = recorder();
    const s = createDebouncedSaver(save);
    s.schedule('离开前的内容');
    await s.flush();
    expect(saved).toEqual([{ value: '离开前的内容', at: 0 }]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toHaveLength(1);
    await s.flush(); // nothing pending: no write
    expect(saved).toHaveLength(1);
  });

  it('flush waits for a write already running, and writes run in order', async () => {
    const order: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const s = createDebouncedSaver(async (v: string) => {
      order.push(`start ${v}`);
      if (v === 'a') await slow;
      order.push(`end ${v}`);
    });
    s.schedule('a');
    await vi.advanceTimersByTimeAsync(150);
    s.schedule('b');
    const flushed = s.flush();
    await vi.advanceTimersByTimeAsync(10);
    expect(order).toEqual(['start a']);
    release();
    await flushed;
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('cancel drops the pending value', async () => {
    const { saved, save } = recorder();
    const s = createDebouncedSaver(save);
    s.schedule('x');
    s.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    await s.flush();
    expect(saved).toEqual([]);
  });

  it('reports timer write failures, keeps the value, and flush retries it', async () => {
    let fail = true;
    const saved: string[] = [];
    const errors: unknown[] = [];
    const s = createDebouncedSaver(
      async (v: string) => {
        if (fail) throw new Error('quota');
        saved.push(v);
      },
      { onError: (e) => errors.push(e) },
    );
    s.schedule('重要批注');
    await vi.advanceTimersByTimeAsync(150);
    expect(errors).toHaveLength(1);
    expect(s.pending).toBe(true);
    await expect(s.flush()).rejects.toThrow('quota');
    fail = false;
    await s.flush();
    expect(saved).toEqual(['重要批注']);
    expect(s.pending).toBe(false);
  });
});
