// @vitest-environment jsdom
/**
 * A render error in one panel shows a notice there; the rest of the app stays on screen and keeps
 * working (before, one bad note unmounted everything: a blank window).
 */
import { act, createElement as h, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrokenNoteFallback, ErrorBoundary, PanelBoundary } from '../../../renderer/ui/ErrorBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let consoleError: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  // React logs caught render errors; they are expected here.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  consoleError.mockRestore();
});

let broken = true;
function Note({ label }: { label: string }) {
  if (broken) throw new Error(`Lexical error #17 in ${label}`);
  return h('p', { className: 'note' }, `批注 ${label}`);
}

function Counter() {
  const [n, setN] = useState(0);
  return h('button', { className: 'counter', onClick: () => setN(n + 1) }, `计数 ${n}`);
}

describe('ErrorBoundary', () => {
  it('shows the panel notice in place of the broken panel; the other panel keeps working', () => {
    broken = true;
    const onError = vi.fn();
    act(() => root.render(h('div', null, h(PanelBoundary, { panel: '批注列表', onError }, h(Note, { label: 'a' })), h(Counter))));
    const alert = container.querySelector('[role=alert]')!;
    expect(alert.textContent).toContain('「批注列表」出了问题，暂时无法显示；其他部分照常可用。');
    expect(alert.textContent).toContain('错误信息：Lexical error #17 in a');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'Lexical error #17 in a' }), expect.any(String));
    const counter = container.querySelector('.counter') as HTMLButtonElement;
    act(() => counter.click());
    expect(counter.textContent).toBe('计数 1');
  });

  it('重试 renders the panel again once the problem is gone', () => {
    broken = true;
    act(() => root.render(h(PanelBoundary, { panel: '搜索' }, h(Note, { label: 'b' }))));
    expect(container.querySelector('.note')).toBeNull();
    broken = false;
    act(() => (container.querySelector('[role=alert] button') as HTMLButtonElement).click());
    expect(container.querySelector('.note')!.textContent).toBe('批注 b');
  });

  it('clears the error when its resetKey changes (another annotation opened)', () => {
    broken = true;
    const render = (key: string) => act(() => root.render(h(ErrorBoundary, { resetKey: key, fallback: () => h('i', null, 'x') }, h(Note, { label: key }))));
    render('a1');
    expect(container.textContent).toBe('x');
    broken = false;
    render('a2');
    expect(container.textContent).toBe('批注 a2');
  });

  it('BrokenNoteFallback shows 此批注无法显示 with the quote and the plain text', () => {
    broken = true;
    act(() =>
      root.render(
        h(ErrorBoundary, { fallback: () => h(BrokenNoteFallback, { quote: '大力发展绿电制氢', text: '要问清产能' }) }, h(Note, { label: 'c' })),
      ),
    );
    const text = container.textContent!;
    expect(text).toContain('此批注无法显示');
    expect(text).toContain('原文：大力发展绿电制氢');
    expect(text).toContain('批注：要问清产能');
  });
});
