/** The window's width class, following resizes (a half-screen window, a projector). */
import { useSyncExternalStore } from 'react';
import type { WidthClass } from '../db/settings-repository';

/** Both side panels fit beside a full text column from here up. */
export const WIDE_MIN_PX = 1280;
/** The outline fits beside the text from here up. */
export const MEDIUM_MIN_PX = 1000;

/** The search panel docks beside the annotation list from here up; below, the list yields to it. */
export const SEARCH_BESIDE_LIST_MIN_PX = 1600;

export function widthClassOf(width: number): WidthClass {
  return width >= WIDE_MIN_PX ? 'wide' : width >= MEDIUM_MIN_PX ? 'medium' : 'narrow';
}

const subscribe = (cb: () => void) => {
  window.addEventListener('resize', cb);
  return () => window.removeEventListener('resize', cb);
};

/** The window's inner width in CSS px. */
export function useWindowWidth(): number {
  return useSyncExternalStore(subscribe, () => window.innerWidth);
}
