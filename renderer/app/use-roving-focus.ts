/**
 * One Tab stop for a group of buttons (a toolbar, the outline): Tab enters the group at the
 * button last used, arrow keys move inside it, Home/End jump to the ends. Buttons added later
 * (an outline part unfolded) join automatically.
 */
import { useEffect, type RefObject } from 'react';

export interface RovingOptions {
  /** Which buttons take part. */
  selector: string;
  /** Keys moving to the previous / next button. */
  prev: readonly string[];
  next: readonly string[];
  /** The button to enter the group at when none was used yet (default: the first). */
  initial?(buttons: HTMLElement[]): HTMLElement | undefined;
}

/**
 * Whether `el` is rendered. checkVisibility needs only styles; offsetParent (the fallback) makes
 * the browser lay out the whole page, which cost a long layout of a new report on every outline
 * change while it was being painted.
 */
function shown(el: HTMLElement): boolean {
  return typeof el.checkVisibility === 'function' ? el.checkVisibility() : el.offsetParent !== null;
}

export function useRovingFocus(ref: RefObject<HTMLElement | null>, opts: RovingOptions): void {
  const { selector, prev, next, initial } = opts;
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    let current: HTMLElement | null = null;
    const buttons = () => [...root.querySelectorAll<HTMLElement>(selector)].filter((b) => !b.hidden && shown(b));
    const settle = () => {
      const list = buttons();
      if (!current || !current.isConnected || !list.includes(current)) current = initial?.(list) ?? list[0] ?? null;
      for (const b of list) b.tabIndex = b === current ? 0 : -1;
    };
    settle();
    const observer = new MutationObserver(settle);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-current', 'hidden'] });
    const onFocusIn = (e: FocusEvent) => {
      const t = (e.target as HTMLElement).closest<HTMLElement>(selector);
      if (t && root.contains(t) && t !== current) {
        current = t;
        settle();
      }
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const list = buttons();
      const i = list.indexOf(document.activeElement as HTMLElement);
      if (i === -1) return;
      let to = -1;
      if (prev.includes(e.key)) to = Math.max(0, i - 1);
      else if (next.includes(e.key)) to = Math.min(list.length - 1, i + 1);
      else if (e.key === 'Home') to = 0;
      else if (e.key === 'End') to = list.length - 1;
      if (to === -1) return;
      e.preventDefault();
      list[to].focus();
    };
    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('keydown', onKeyDown);
    return () => {
      observer.disconnect();
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('keydown', onKeyDown);
    };
  }, [ref, selector, prev, next, initial]);
}
