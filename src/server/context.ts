// What every route needs, built once per app: the database, the clock, caches and limiters.
import { EnrolmentLimiter, SignInLimiter } from './auth/attempts';
import { DeviceTokenCache, EnumeratorCache, FormCache } from './caches';
import type { Db } from './db/index';
import type { FaultConfig } from './fault';

export interface ServerContext {
  db: Db;
  /** The clock; tests move it to expire sessions and codes without waiting. */
  now: () => Date;
  forms: FormCache;
  devices: DeviceTokenCache;
  /** Enumerators and their sites, for the ingest check of enumeratorId; invalidate() after changing people. */
  enumerators: EnumeratorCache;
  /** Failed sign-ins per (username, address), per address and per username, in the database (auth/attempts.ts). */
  loginLimiter: SignInLimiter;
  /** Failed enrolment-code redemptions per client address: 10 in 15 minutes, in the database. */
  enrolLimiter: EnrolmentLimiter;
  /** Holds a sign-in back (the per-username back-off); tests record the wait instead of taking it. */
  sleep: (ms: number) => Promise<void>;
  fault: FaultConfig | null;
  random: () => number;
  /** Set the Secure flag on the session cookie (always, never, or by the request's protocol). */
  secureCookies: boolean | 'auto';
}

export interface ContextOptions {
  db: Db;
  now?: () => Date;
  fault?: FaultConfig | null;
  random?: () => number;
  cacheTtlMs?: number;
  secureCookies?: boolean | 'auto';
  sleep?: (ms: number) => Promise<void>;
}

export function createContext(o: ContextOptions): ServerContext {
  return {
    db: o.db,
    now: o.now ?? (() => new Date()),
    forms: new FormCache(o.db, o.cacheTtlMs ?? 10_000),
    devices: new DeviceTokenCache(o.db, o.cacheTtlMs ?? 10_000),
    enumerators: new EnumeratorCache(o.db, o.cacheTtlMs ?? 10_000),
    loginLimiter: new SignInLimiter(o.db),
    enrolLimiter: new EnrolmentLimiter(o.db),
    sleep: o.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    fault: o.fault ?? null,
    random: o.random ?? Math.random,
    secureCookies: o.secureCookies ?? 'auto',
  };
}
