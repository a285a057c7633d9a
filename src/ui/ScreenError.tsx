import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useText } from './text';
import { messages } from './messages';

/**
 * Whether `error` is the browser failing to fetch a chunk of the app's code, rather than a
 * screen failing to render. After an update the old build's chunks are gone from the server,
 * so a tab still running the old build hits this; reloading picks up the new build.
 */
function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  // Chromium, Firefox and Safari word it differently; Vite's own preload error covers CSS.
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(message);
}

interface BoundaryProps {
  children: ReactNode;
  /** What shows instead of the children once they have thrown. */
  fallback: (error: unknown) => ReactNode;
  /** The error is forgotten, and the children tried again, when this changes (e.g. the path). */
  resetKey?: unknown;
  /** Called once the fallback is on screen. */
  onError?: (error: unknown) => void;
}

interface BoundaryState {
  failed: boolean;
  error: unknown;
  resetKey: unknown;
}

/** Keeps a failing part of the page from blanking the rest: it shows `fallback` in its place. */
export class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false, error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { failed: true, error };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { failed: false, error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    this.props.onError?.(error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/**
 * What a screen (or a part of one, `level` 2) shows when it cannot be shown: why, in words a
 * person on duty can act on, and a way out. Records live in IndexedDB, not in the screen, so
 * the text can promise that nothing was lost.
 */
export function ScreenError({ error, level = 1 }: { error: unknown; level?: 1 | 2 }) {
  const t = useText(messages);
  const chunk = isChunkLoadError(error);
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section className="screen-error" role="alert" data-testid="screen-error" data-kind={chunk ? 'chunk' : 'render'}>
      <Heading>{t(chunk ? 'error.chunk.title' : 'error.render.title')}</Heading>
      <p>{t(chunk ? 'error.chunk.body' : 'error.render.body')}</p>
      <p>{t('error.nothingLost')}</p>
      <button type="button" className="button primary" onClick={() => window.location.reload()} data-testid="screen-error-reload">
        {t('error.reload')}
      </button>
    </section>
  );
}
