// IndexedDB for unit tests: fake-indexeddb in Node (real Chromium runs the e2e suite).
import 'fake-indexeddb/auto';
