// TRUST_PROXY read as a hop count or a list of proxy addresses, never "trust every X-Forwarded-For hop".

/** What Fastify's trustProxy takes: false, a function of (address, hop), or addresses and CIDR ranges (proxy-addr). */
export type TrustProxy = false | ((address: string, hop: number) => boolean) | string[];

const ADDRESS = /^[0-9A-Fa-f:.]+(?:\/\d{1,3})?$/;

/**
 * "" or "0": no proxy, the socket's address is the client's. "1", "2", …: that many proxies in front, so the
 * client is that many hops from the right of X-Forwarded-For and a forged left part is ignored (for a firewall
 * that lets only the proxies in). Otherwise a comma
 * list of the proxies' addresses or ranges ("10.0.0.5, 10.1.0.0/16"). Anything else ("true", "*") is refused at
 * start, since trusting every hop lets any client pick its own address and slip the rate limits.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (v === '' || v === '0') return false;
  if (/^\d+$/.test(v)) {
    // Fastify 5.12 reads a bare number as "trust nobody" (a direct client could forge enough hops), so the count
    // is a function: sound only when clients cannot reach the endpoint except through those proxies (README).
    const hops = Number(v);
    return (_address, hop) => hop < hops;
  }
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.find((s) => !ADDRESS.test(s));
  if (bad !== undefined || list.length === 0) {
    throw new Error(`TRUST_PROXY must be a number of proxy hops (1) or a comma list of proxy addresses (10.0.0.5,10.1.0.0/16); got "${bad ?? v}"`);
  }
  return list;
}
