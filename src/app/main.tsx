import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadScreens } from './App';
import './app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The first screen's code is fetched before the first render so it appears at once.
void preloadScreens(window.location.pathname).then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // Sync starts after the first screen is up: it needs nothing from it, and a device that was
  // never enrolled simply keeps everything locally.
  void import('../sync').then((m) => m.startSync());
});
