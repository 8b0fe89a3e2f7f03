/**
 * Error boundaries for the app's panels and the reader: a render error in one part (a damaged
 * note, a bug) shows a Chinese notice in that part instead of unmounting the whole React tree,
 * which left users with a blank window (issue 11). The store and the other panels keep working.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { MSG } from '../messages';

interface Props {
  /** What to show instead of the children after an error; `retry` clears the error and renders them again. */
  fallback: (error: Error, retry: () => void) => ReactNode;
  /** Told about every caught error (for the console or a log). */
  onError?: (error: Error, componentStack: string) => void;
  /** When this changes (e.g. the annotation id or the report), a caught error is cleared. */
  resetKey?: unknown;
  children?: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError?.(error instanceof Error ? error : new Error(String(error)), info.componentStack ?? '');
  }

  componentDidUpdate(prev: Props): void {
    // Showing something else (another annotation, another report) deserves a fresh attempt.
    if (this.state.error && !Object.is(prev.resetKey, this.props.resetKey)) this.setState({ error: null });
  }

  private retry = () => this.setState({ error: null });

  render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error, this.retry) : this.props.children;
  }
}

/** The notice a broken panel shows: which panel, the error, and 重试. */
export function PanelFallback({ panel, error, retry }: { panel: string; error: Error; retry: () => void }) {
  return (
    <div className="panel-broken" role="alert">
      <p>{MSG.panelBroken(panel)}</p>
      <p className="panel-broken-detail">{MSG.panelBrokenDetail(error.message.slice(0, 200))}</p>
      <button type="button" onClick={retry}>
        {MSG.retry}
      </button>
    </div>
  );
}

/** 「此批注无法显示」 with the annotation's quote and plain text, for a note that cannot be rendered. */
export function BrokenNoteFallback({ quote, text }: { quote: string; text: string }) {
  return (
    <div className="note-broken" role="alert">
      <p>
        <strong>{MSG.noteBroken}</strong>
      </p>
      <p>{MSG.noteBrokenHint}</p>
      <p>
        {MSG.noteBrokenQuote}
        <q>{quote}</q>
      </p>
      {text !== '' && (
        <p className="note-broken-text">
          {MSG.noteBrokenText}
          {text}
        </p>
      )}
    </div>
  );
}

/** A panel wrapped in an ErrorBoundary with PanelFallback. */
export function PanelBoundary({ panel, resetKey, children, onError }: { panel: string; resetKey?: unknown; children?: ReactNode; onError?: Props['onError'] }) {
  return (
    <ErrorBoundary
      resetKey={resetKey}
      onError={onError ?? ((error) => console.error(`[yandu] ${panel}:`, error))}
      fallback={(error, retry) => <PanelFallback panel={panel} error={error} retry={retry} />}
    >
      {children}
    </ErrorBoundary>
  );
}
