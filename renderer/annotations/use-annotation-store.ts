/**
 * React's view of the annotation store: components read the slices they show through selectors
 * (`useSyncExternalStore`), so a recolour re-renders the marks and the list, not the search box.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AnnotationState, AnnotationStore } from './annotation-store';

export const AnnotationStoreContext = createContext<AnnotationStore | null>(null);

/** The store of the app (throws outside its provider: a wiring bug). */
export function useAnnotationStore(): AnnotationStore {
  const store = useContext(AnnotationStoreContext);
  if (!store) throw new Error('useAnnotationStore: no AnnotationStoreContext provider above this component');
  return store;
}

/**
 * One slice of the state. `select` must return a value that stays identical while the slice
 * is unchanged (a field of the state, not a new object), or React re-renders on every change.
 */
export function useAnnotationState<T>(select: (s: AnnotationState) => T): T {
  const store = useAnnotationStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
