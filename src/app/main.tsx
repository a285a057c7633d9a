import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadScreens } from './App';
import './app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The first screen's code is fetched before the first render so it appears at once.
void preloadScreens(window.location.pathname).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
