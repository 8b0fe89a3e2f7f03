/**
 * Keeps Tab and Shift+Tab inside a modal dialog (打印摘录, 设置, 确认导入): focus never wanders to
 * the toolbar or the text behind it.
 */
import { useEffect, type RefObject } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

export function useFocusTrap(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Tab') return;
      // Only the first and the last visible stop matter: a preview may hold thousands of links,
      // and asking each whether it is visible is a layout read per link.
      const all = root.querySelectorAll<HTMLElement>(FOCUSABLE);
      const shown = (el: HTMLElement) => el.offsetParent !== null || el === document.activeElement;
      let i = 0;
      while (i < all.length && !shown(all[i])) i++;
      let j = all.length - 1;
      while (j > i && !shown(all[j])) j--;
      if (i >= all.length) return;
      const first = all[i];
      const last = all[j];
      const active = document.activeElement;
      if (e.shiftKey && (active === first || !root.contains(active))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (active === last || !root.contains(active))) {
        e.preventDefault();
        first.focus();
      }
    };
    // On the document: focus may have been left on the page behind before the dialog opened.
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [ref]);
}

/**
 * For a pane opened from the toolbar that is not modal (目标任务, 起草): focus moves into it, so
 * Esc and the keyboard reach it at once, and goes back to what had it (the toolbar button) when
 * the pane closes while focus is still inside or nowhere.
 */
export function useFocusOnOpen(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    root.focus({ preventScroll: true });
    return () => {
      const active = document.activeElement;
      if (before?.isConnected && (active === null || active === document.body || root.contains(active))) before.focus({ preventScroll: true });
    };
  }, [ref]);
}
