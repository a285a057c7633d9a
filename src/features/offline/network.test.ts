import { beforeEach, describe, expect, it } from 'vitest';
import { isOffline, probeServer, reportRequestFailed, reportRequestSucceeded, useNetwork } from './network';

beforeEach(() => {
  useNetwork.setState({ browserOnline: true, lastRequestFailed: false });
});

describe('offline is what the requests say, not only navigator.onLine', () => {
  it.each([
    [true, false, false],
    [false, false, true],
    [true, true, true], // Wi-Fi with no way out: onLine is true, the request failed
    [false, true, true],
  ])('browser online %s, last request failed %s: offline %s', (browserOnline, lastRequestFailed, offline) => {
    expect(isOffline({ browserOnline, lastRequestFailed })).toBe(offline);
  });

  it('a failed request marks the device offline until one succeeds', () => {
    reportRequestFailed();
    expect(isOffline(useNetwork.getState())).toBe(true);
    reportRequestSucceeded();
    expect(isOffline(useNetwork.getState())).toBe(false);
  });

  it('the probe reports the server reachable on any HTTP answer, unreachable on a network error', async () => {
    const answered = (() => Promise.resolve(new Response('{}', { status: 503 }))) as typeof fetch;
    const refused = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await probeServer(refused)).toBe(false);
    expect(useNetwork.getState().lastRequestFailed).toBe(true);
    expect(await probeServer(answered)).toBe(true);
    expect(useNetwork.getState().lastRequestFailed).toBe(false);
  });
});
