import { afterEach, expect, it, vi } from 'vitest';
import { samplePlaybook } from '#fixtures/sample-playbook';

afterEach(() => {
  vi.unstubAllGlobals();
});

// The app's Content-Security-Policy forbids compiling code, so building and parsing the playbook
// schema must never reach `new Function`, not even to probe whether it may.
it('builds the playbook schema and parses a playbook without compiling any code', async () => {
  const compiled: string[] = [];
  const RealFunction = Function;
  vi.stubGlobal(
    'Function',
    new Proxy(RealFunction, {
      construct(target, args: string[]) {
        compiled.push(args.join(', '));
        return Reflect.construct(target, args);
      },
    }),
  );
  const { Playbook } = await import('./schema');
  expect(Playbook.safeParse(samplePlaybook()).success).toBe(true);
  expect(compiled).toEqual([]);
});
