import { z } from 'zod';

// zod compiles each object schema into a `new Function` unless told not to, and decides when the
// schema is built, not when it parses. The app's Content-Security-Policy has no 'unsafe-eval', so
// that compile fails and the browser reports every attempt. The playbook schema modules import
// `z` from here, which makes this line run before any of them builds a schema, wherever they are
// loaded (app, server, validator), so all of them parse the same way.
z.config({ jitless: true });

export { z };
