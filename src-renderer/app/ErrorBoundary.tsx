import { RotateCcw } from 'lucide-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '../ui/Button';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** "page" keeps the shell around the message; "app" fills the window. */
  scope?: 'page' | 'app';
}

/** Catches render errors and shows a calm message instead of a blank window. Never shows the stack. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    // Deliberately not logged: a render error may carry user data in its message.
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const isApp = this.props.scope === 'app';
    return (
      <div role="alert" className={isApp ? 'flex h-full items-center justify-center bg-canvas p-8' : 'flex h-full items-center justify-center p-8'}>
        <div className="max-w-sm text-center">
          <h2 className="text-base font-semibold text-text">Something went wrong here</h2>
          <p className="mt-1.5 text-[13px] text-muted">
            Hearth hit an unexpected problem while showing this {isApp ? 'window' : 'page'}. Your data is safe: nothing was changed.
          </p>
          <div className="mt-5 flex justify-center gap-2">
            {isApp ? null : (
              <Button icon={RotateCcw} onClick={() => this.setState({ failed: false })}>
                Try again
              </Button>
            )}
            <Button variant={isApp ? 'primary' : 'secondary'} onClick={() => window.location.reload()}>
              Reload Hearth
            </Button>
          </div>
        </div>
      </div>
    );
  }
}
