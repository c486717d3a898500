// TRUST_PROXY: hops or addresses, and a rotating X-Forwarded-For cannot pick the client's address.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from './trust-proxy';

describe('parseTrustProxy', () => {
  it('reads nothing, a hop count, or a list of addresses and ranges', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy(' 10.0.0.5, 10.1.0.0/16 ,::1')).toEqual(['10.0.0.5', '10.1.0.0/16', '::1']);
  });

  it('refuses "trust everything" with a message naming the setting', () => {
    expect(() => parseTrustProxy('true')).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy('*')).toThrow(/TRUST_PROXY/);
  });

  it('with one hop, the client is the address the proxy saw, whatever the client wrote before it', async () => {
    const app = Fastify({ trustProxy: parseTrustProxy('1') });
    app.get('/ip', async (request) => ({ ip: request.ip }));
    const ips: string[] = [];
    for (const forged of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) {
      const res = await app.inject({ method: 'GET', url: '/ip', headers: { 'x-forwarded-for': `${forged}, 203.0.113.7` } });
      ips.push(res.json().ip);
    }
    expect(ips).toEqual(['203.0.113.7', '203.0.113.7', '203.0.113.7']);
    await app.close();
  });

  it('with a list, only those proxies are believed: a forged header from elsewhere is ignored', async () => {
    for (const [setting, expected] of [['127.0.0.1', '203.0.113.7'], ['10.0.0.5', '127.0.0.1']] as const) {
      const app = Fastify({ trustProxy: parseTrustProxy(setting) });
      app.get('/ip', async (request) => ({ ip: request.ip }));
      const res = await app.inject({ method: 'GET', url: '/ip', headers: { 'x-forwarded-for': '1.1.1.1, 203.0.113.7' } });
      expect(res.json().ip, setting).toBe(expected);
      await app.close();
    }
  });
});
