import { Component, type ReactNode } from 'react';

interface Props {
  /** What failed, as the user knows it ("The grid"). */
  readonly what: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/** Keeps a failure in one region of the page from blanking the rest, and says what failed. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="region-error" role="alert">
        <p>
          {this.props.what} stopped working: {this.state.error.message}
        </p>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
