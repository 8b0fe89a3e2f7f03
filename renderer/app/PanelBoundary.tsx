/**
 * Keeps one broken panel from blanking the app: a render error in the reader, a panel or a
 * dialog shows the fallback in its place and everything else keeps working. Typical cause: a
 * member's file whose note the editor cannot show.
 */
import { Component, type ReactNode } from 'react';

interface Props {
  /** What is shown instead of the broken panel; gets the error and a retry. */
  fallback(error: Error, retry: () => void): ReactNode;
  /** A new key value clears the error (e.g. another annotation is opened). */
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: unknown;
}

export class PanelBoundary extends Component<Props, State> {
  state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  componentDidCatch(error: Error): void {
    console.error('面板出错', error);
  }

  render(): ReactNode {
    if (this.state.error) return this.props.fallback(this.state.error, () => this.setState({ error: null }));
    return this.props.children;
  }
}

/** The plain fallback of a panel: says what broke and offers to try again. */
export function PanelError({ what, retry }: { what: string; retry(): void }) {
  return (
    <div className="panel-error" role="alert">
      <p>{what}暂时无法显示，其余功能不受影响。</p>
      <button type="button" onClick={retry}>
        重试
      </button>
    </div>
  );
}
