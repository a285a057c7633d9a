/** The app version, fixed at build time by `define` in vite.config.ts. */
declare const __APP_VERSION__: string;
