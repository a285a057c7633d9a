import { describe, expect, it } from 'vitest';
import { PUBLIC_URL_KEY, posterBaseAddress, type AddressMemory } from './poster-address';

function memoryOf(entries: Record<string, string> = {}): AddressMemory & { entries: Map<string, string> } {
  const map = new Map(Object.entries(entries));
  return { entries: map, getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, value) };
}

const health = (body: object) => () => Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
const offline = () => Promise.reject(new TypeError('Failed to fetch'));
const origin = 'http://127.0.0.1:8080';

describe('the base address of the posters', () => {
  it('is what the server says, and the device remembers it for printing offline', async () => {
    const memory = memoryOf();
    const address = await posterBaseAddress({ fetchImpl: health({ publicUrl: 'https://muster.branch.test:8443' }), memory, origin });
    expect(address).toBe('https://muster.branch.test:8443');
    expect(memory.entries.get(PUBLIC_URL_KEY)).toBe('https://muster.branch.test:8443');
  });

  it('offline, is the address the server gave last time', async () => {
    const memory = memoryOf({ [PUBLIC_URL_KEY]: 'https://muster.branch.test:8443' });
    expect(await posterBaseAddress({ fetchImpl: offline, memory, origin })).toBe('https://muster.branch.test:8443');
  });

  it('from a server that does not say, is the remembered address, else this page’s own origin', async () => {
    const older = health({ status: 'ok', app: 'muster', version: '0.1.0', storage: 'sqlite' });
    expect(await posterBaseAddress({ fetchImpl: older, memory: memoryOf({ [PUBLIC_URL_KEY]: 'https://muster.lan' }), origin })).toBe('https://muster.lan');
    expect(await posterBaseAddress({ fetchImpl: older, memory: memoryOf(), origin })).toBe(origin);
  });

  it('is this page’s origin when the server cannot be reached and nothing is remembered', async () => {
    expect(await posterBaseAddress({ fetchImpl: offline, memory: memoryOf(), origin })).toBe(origin);
  });
});
