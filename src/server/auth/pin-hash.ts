// An enumerator's PIN hashed in the tablet's own format (app/security/pin.ts), so a tablet can check it offline.
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const derive = promisify(pbkdf2);
/**
 * Lower than the tablet's own supervisor PIN (210,000): an import of a few hundred enumerators hashes every PIN, and a
 * 4–8 digit PIN copied off a tablet falls to a search whatever the cost; the slow-down after wrong tries is the guard.
 */
const ITERATIONS = 100_000;

/** "pbkdf2-sha256$<iterations>$<salt>$<hash>" with standard base64, as the tablet's PIN code reads it. */
export async function hashEnumeratorPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(pin, salt, ITERATIONS, 32, 'sha256');
  return `pbkdf2-sha256$${ITERATIONS}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Whether the PIN matches a hash of this format (false for any other format, such as an older scrypt PIN hash). */
export async function enumeratorPinMatches(pin: string, stored: string): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split('$');
  if (scheme !== 'pbkdf2-sha256' || !salt || !hash || !(Number(iter) > 0)) return false;
  const want = Buffer.from(hash, 'base64');
  const got = await derive(pin, Buffer.from(salt, 'base64'), Number(iter), want.length, 'sha256');
  return timingSafeEqual(got, want);
}

/** A tablet can check only hashes of this format; an older one must be reset before the tablet asks for it. */
export function isTabletPinHash(stored: string | null): boolean {
  return stored !== null && stored.startsWith('pbkdf2-sha256$');
}
