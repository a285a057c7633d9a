import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadScreens } from './App';
import './app.css';
import { startPwa } from '../features/offline/start';
import { ErrorBoundary, ScreenError } from '../ui/ScreenError';
import { afterFirstScreen, firstScreenFallback, holdLoadsWhileInput, markFirstScreenUp } from '../ui/first-screen';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/**
 * Where the app renders. A page pre-rendered at build time (the home screen in index.html, a
 * floor's route, a shipped playbook in the reader) already shows its content: the app then
 * renders into a hidden container inside #root and takes over only once its own screen has
 * content (the home screen's lists, the route, the plan), so the page never flickers to
 * "Loading…".
 */
function appContainer(host: HTMLElement): HTMLElement {
  // The home screen's copies (one left by index.html's script; both if it could not run), or a floor's page.
  const copies = host.querySelectorAll('[data-snapshot-lang]');
  const prerendered = copies.length ? [...copies] : [host.querySelector('.prerendered')?.closest('.shell')].filter((e) => e != null);
  if (!prerendered.length) return host;
  const container = document.createElement('div');
  container.hidden = true;
  host.appendChild(container);
  const takeOver = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const e of prerendered) e.remove();
    container.hidden = false;
  };
  const ready =
    '[data-testid="floor-route"], [data-testid="no-incidents"], [data-testid="incident-list"], [data-testid="playbook-reader"], [data-testid="reader-missing"], [role="alert"]';
  const observer = new MutationObserver(() => {
    if (container.querySelector(ready)) takeOver();
  });
  observer.observe(container, { childList: true, subtree: true });
  const timer = setTimeout(takeOver, 5000);
  return container;
}

function shellError(error: unknown) {
  return (
    <div className="shell">
      <main id="main">
        <ScreenError error={error} />
      </main>
    </div>
  );
}

// The first screen's code is fetched before the first render so it appears at once.
void preloadScreens(window.location.pathname).then(() => {
  const app = createRoot(appContainer(root));
  // Rendered as a transition: React works in slices of a few milliseconds, so a tap or a
  // scroll on the screen already showing (the pre-rendered page) is answered meanwhile, even
  // on a slow phone; the screen still appears whole, in one commit.
  startTransition(() =>
    app.render(
      <StrictMode>
        {/* Each screen has its own boundary inside the shell; this one catches the shell itself. */}
        <ErrorBoundary fallback={shellError}>
          <App />
        </ErrorBoundary>
      </StrictMode>,
    ),
  );
  startPwa();
  // A person tapping comes before the screens loaded ahead (ui/first-screen.ts).
  holdLoadsWhileInput(window);
  // Sync starts after the first screen is up: it needs nothing from it, and a device that was
  // never enrolled simply keeps everything locally.
  afterFirstScreen(() => void import('../features/sync').then((m) => m.startSync()));
  // What the pre-rendered reader pages' script must know: which plans this device runs its own copy of.
  afterFirstScreen(() => void import('../features/playbooks/held').then((m) => m.listHeldPlaybooksForPages()));
  // The home screen says when its lists are on screen; any other first screen was loaded
  // before this render, so it is up once the browser is next idle.
  if (window.location.pathname === '/') firstScreenFallback();
  else markFirstScreenUp();
});
