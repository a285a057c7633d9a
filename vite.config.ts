import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { byteBudget } from './build/byte-budget.ts';
import { playbookSummaries } from './build/playbook-summaries.ts';
import { prerenderRoutes } from './build/prerender-plugin.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string; description: string };

/**
 * The version the settings screen shows. MUSTER_APP_VERSION overrides it (the update test
 * builds two versions of the same sources); otherwise package.json's.
 */
const appVersion = process.env.MUSTER_APP_VERSION?.trim() || pkg.version;

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(appVersion),
  },
  resolve: {
    alias: {
      // The package's "module" entry is an ES5 build; the ES2015+ one is ~1 KB smaller gzipped
      // and our build target is ES2022 anyway.
      'workbox-window': 'workbox-window/build/workbox-window.prod.mjs',
    },
  },
  plugins: [
    react(),
    playbookSummaries(),
    prerenderRoutes(fileURLToPath(new URL('./scenarios', import.meta.url))),
    // Fails the build when the first load passes its byte budget (build/byte-budget.ts: BUDGET).
    byteBudget(),
    VitePWA({
      strategies: 'generateSW',
      // Our own registration (src/features/offline/register.ts, workbox-window): an update waits for the
      // user, and never installs itself while an incident is open: a leader mid-incident keeps the
      // version they started with.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        id: '/',
        name: 'Muster',
        short_name: 'Muster',
        description: 'Offline incident command for floods and fires / 防汛与消防应急指挥',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        // The colours of src/app/app.css: the top bar's accent and the page background.
        theme_color: '#b3261e',
        background_color: '#f6f5f2',
        categories: ['productivity', 'utilities'],
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      // The glob below already takes every file of public/; listing them again would only
      // duplicate precache entries.
      includeManifestIcons: false,
      workbox: {
        // Everything the build emits: the shell, every JS and CSS chunk (each shipped playbook
        // is its own lazy chunk, so all of them work offline before anyone has opened one),
        // the icons; the plugin adds manifest.webmanifest itself.
        globPatterns: ['**/*.{html,js,css,svg,png}'],
        // Any deep link opened offline gets the shell, which routes on the client...
        navigateFallback: '/index.html',
        // (A floor's pre-rendered page still answers its own link offline: the precache route,
        // checked first, maps `/routes/a/b/c` to `/routes/a/b/c.html` — workbox's cleanURLs.)
        // ...except the API: it is never answered from the cache (no runtime route either), so
        // a request to /api/ with no network fails and the sync engine knows it is offline;
        // and the server's own certificate page and file (/ca, /ca.crt), which are not the app.
        // Workbox tests these against the path and the query string, so `?` ends a name too.
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/ca(\.crt)?(\/|\?|$)/],
        cleanupOutdatedCaches: true,
        // A new worker waits until the user accepts the update (messageSkipWaiting); the first
        // one takes the open page at once, so it works offline without a second visit.
        skipWaiting: false,
        clientsClaim: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every browser that runs this app supports modulepreload: no polyfill in the entry.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      treeshake: {
        // Our own modules do nothing when imported but define things (test/lint checks that no
        // module is imported for its effects), so one that only re-exports (a feature's
        // index.ts) does not pull in every module it names: the home screen imports a
        // feature's texts without its screens. Stylesheets keep their effect.
        moduleSideEffects: [{ test: /\/src\/(?!app\/main\.tsx$).*\.tsx?$/, sideEffects: false }],
      },
    },
  },
});
