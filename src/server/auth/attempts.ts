// Slows the guessing of passwords and enrolment codes, with counters in the database that every endpoint process
// shares (issue 12, finding 4): a guesser is stopped per (username, address) and per address, while the person whose
// name is being guessed, from their own desk, is only ever made to wait a few seconds.
import type { Db } from '../db/index';
import { clearFailures, countFailures, recordFailure } from '../db/queries/auth-failures';
import type { FailureScope } from '../db/schema';
import { sha256 } from './secrets';

const WINDOW_MS = 15 * 60_000;

const SIGN_IN_LIMITS = {
  /** Wrong passwords for one username from one address in the window, then that pair is refused (429). */
  perUserAddress: 5,
  /** Wrong passwords from one address across usernames in the window (password spraying), then it is refused. */
  perAddress: 30,
  /** From this many wrong passwords for a username (from anywhere), each sign-in for it is held back a while... */
  userBackoffFrom: 5,
  /** ...doubling from 1 s up to this, then checked: the right password is never refused by this counter. */
  userBackoffMaxSeconds: 8,
} as const;

/** Wrong enrolment codes from one address in the window, then it is refused. */
const ENROL_LIMIT_PER_ADDRESS = 10;

/** What a sign-in may do now: go ahead (after holding back `delaySeconds`), or be refused for `retryAfter` seconds. */
export type SignInGate = { refused: false; delaySeconds: number } | { refused: true; retryAfter: number };

const key = (...parts: string[]) => sha256(parts.join('\u0000'));
const userKey = (username: string) => key(username.normalize('NFC').toLowerCase());

function secondsUntilOutOfWindow(oldest: string | null, nowMs: number): number {
  return Math.max(1, Math.ceil(((oldest ? Date.parse(oldest) : nowMs) + WINDOW_MS - nowMs) / 1000));
}

export class SignInLimiter {
  constructor(private readonly db: Db) {}

  async check(username: string, address: string, now: Date): Promise<SignInGate> {
    const since = new Date(now.getTime() - WINDOW_MS).toISOString();
    const [pair, fromAddress, forUser] = await Promise.all([
      countFailures(this.db, 'login-user-address', key(userKey(username), address), since),
      countFailures(this.db, 'login-address', key(address), since),
      countFailures(this.db, 'login-user', userKey(username), since),
    ]);
    if (pair.count >= SIGN_IN_LIMITS.perUserAddress) return { refused: true, retryAfter: secondsUntilOutOfWindow(pair.oldest, now.getTime()) };
    if (fromAddress.count >= SIGN_IN_LIMITS.perAddress) return { refused: true, retryAfter: secondsUntilOutOfWindow(fromAddress.oldest, now.getTime()) };
    const over = forUser.count - SIGN_IN_LIMITS.userBackoffFrom;
    return { refused: false, delaySeconds: over < 0 ? 0 : Math.min(SIGN_IN_LIMITS.userBackoffMaxSeconds, 2 ** over) };
  }

  async fail(username: string, address: string, now: Date): Promise<void> {
    const counters: { scope: FailureScope; keyHash: string }[] = [
      { scope: 'login-user-address', keyHash: key(userKey(username), address) },
      { scope: 'login-address', keyHash: key(address) },
      { scope: 'login-user', keyHash: userKey(username) },
    ];
    await recordFailure(this.db, counters, now.toISOString(), new Date(now.getTime() - WINDOW_MS).toISOString());
  }

  /** The right password: this username's counters start again (the address's count across usernames stays). */
  async succeed(username: string, address: string): Promise<void> {
    await clearFailures(this.db, 'login-user-address', key(userKey(username), address));
    await clearFailures(this.db, 'login-user', userKey(username));
  }
}

export class EnrolmentLimiter {
  constructor(private readonly db: Db) {}

  /** Seconds to wait before another code may be tried from this address, or 0. */
  async retryAfter(address: string, now: Date): Promise<number> {
    const failures = await countFailures(this.db, 'enrol-address', key(address), new Date(now.getTime() - WINDOW_MS).toISOString());
    return failures.count >= ENROL_LIMIT_PER_ADDRESS ? secondsUntilOutOfWindow(failures.oldest, now.getTime()) : 0;
  }

  async fail(address: string, now: Date): Promise<void> {
    await recordFailure(this.db, [{ scope: 'enrol-address', keyHash: key(address) }], now.toISOString(), new Date(now.getTime() - WINDOW_MS).toISOString());
  }
}
