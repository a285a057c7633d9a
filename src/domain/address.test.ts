import { describe, expect, it } from 'vitest';
import { addressProblem, isLoopbackHost, publicUrlOfHealth } from './address';

describe('which addresses phones can work offline at (posters, enrolment links)', () => {
  it.each([
    ['https://muster.branch.test:8443', undefined],
    ['https://192.168.1.20:8443/', undefined],
    ['https://muster.example.org', undefined],
    ['http://127.0.0.1:8080', 'loopback'],
    ['https://127.0.0.1:8443', 'loopback'],
    ['http://127.4.5.6', 'loopback'],
    ['http://127.1:8080', 'loopback'],
    ['https://localhost:8443', 'loopback'],
    ['https://LOCALHOST.', 'loopback'],
    ['https://muster.localhost', 'loopback'],
    ['http://[::1]:8080', 'loopback'],
    ['https://[::ffff:127.0.0.1]', 'loopback'],
    ['https://[::1]', 'loopback'],
    ['http://0.0.0.0:8080', 'loopback'],
    ['http://192.168.1.20:8080', 'insecure'],
    ['http://muster.lan:8080', 'insecure'],
    ['', 'invalid'],
    ['muster.lan:8080', 'invalid'],
    ['ftp://muster.lan', 'invalid'],
    ['https://', 'invalid'],
  ] as const)('%s → %s', (url, problem) => {
    expect(addressProblem(url)).toBe(problem);
  });
});

describe('the address the server says phones use', () => {
  it('reads publicUrl from /api/health, without a trailing slash', () => {
    expect(publicUrlOfHealth({ status: 'ok', publicUrl: 'https://muster.branch.test:8443/' })).toBe('https://muster.branch.test:8443');
  });

  it('is unknown when an older server does not say, or says something that is no web address', () => {
    expect(publicUrlOfHealth({ status: 'ok', app: 'muster', version: '0.1.0', storage: 'sqlite' })).toBeUndefined();
    expect(publicUrlOfHealth({ publicUrl: 'javascript:alert(1)' })).toBeUndefined();
    expect(publicUrlOfHealth({ publicUrl: 42 })).toBeUndefined();
    expect(publicUrlOfHealth(null)).toBeUndefined();
  });
});

describe('loopback hosts, as a URL gives them and as a server is told to listen', () => {
  it.each(['localhost', '127.0.0.1', '127.9.9.9', '::1', '[::1]', '0.0.0.0', '::', '::ffff:127.0.0.1'])('%s reaches only this machine', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(['192.168.1.20', '10.0.0.1', 'muster.lan', '::ffff:192.168.1.20', 'localhost.example.org', '128.0.0.1'])('%s reaches the network', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
