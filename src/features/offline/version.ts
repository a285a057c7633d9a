/**
 * The version of the running build (package.json's, or MUSTER_APP_VERSION at build time).
 * Outside a Vite build (unit tests) the constant is not defined, hence the guard.
 */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
