// The supervisor PIN on a real Dexie (fake-indexeddb) and real WebCrypto: never stored in clear, wrong guesses slow down.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../store/db';
import { getSetting } from '../store/settings';
import { enumeratorAttemptsKey, hasPin, isValidPin, lockSeconds, pinLockedUntil, setPin, verifyPin, verifyPinAgainst } from './pin';

beforeEach(async () => {
  await db.settings.clear();
});

describe('supervisor PIN', () => {
  it('accepts 4 to 8 digits only', () => {
    expect(['1234', '12345678'].map(isValidPin)).toEqual([true, true]);
    expect(['123', '123456789', '12a4', ' 1234', ''].map(isValidPin)).toEqual([false, false, false, false, false]);
  });

  it('is stored as a salted hash, different each time it is set, and checked against it', async () => {
    expect(await hasPin()).toBe(false);
    expect(await verifyPin('2468')).toMatchObject({ ok: false, reason: 'not-set' });
    await setPin('2468');
    const first = await getSetting('supervisorPinHash');
    expect(first).not.toContain('2468');
    expect(first).toMatch(/^pbkdf2-sha256\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    await setPin('2468');
    expect(await getSetting('supervisorPinHash')).not.toBe(first);
    expect(await verifyPin('2468')).toEqual({ ok: true });
    expect(await verifyPin('2469')).toMatchObject({ ok: false, reason: 'wrong', lockedUntil: 0 });
  });

  it('refuses to store an invalid PIN', async () => {
    await expect(setPin('12')).rejects.toThrow(/4–8 digits/);
    expect(await hasPin()).toBe(false);
  });

  it('locks after five wrong tries, for a time that doubles, and the lock is kept in the store', async () => {
    await setPin('2468');
    for (let i = 0; i < 4; i++) expect(await verifyPin('0000')).toMatchObject({ reason: 'wrong', lockedUntil: 0 });
    const before = Date.now();
    const fifth = await verifyPin('0000');
    expect(fifth.ok).toBe(false);
    const until = (fifth as { lockedUntil: number }).lockedUntil;
    expect(until - before).toBeGreaterThanOrEqual(30_000);
    expect(until - before).toBeLessThan(31_000);
    // While locked even the right PIN is not checked; the lock is read back from IndexedDB, not from memory.
    expect(await verifyPin('2468')).toMatchObject({ ok: false, reason: 'locked', lockedUntil: until });
    expect(await pinLockedUntil()).toBe(until);
    expect(await pinLockedUntil(until + 1)).toBe(0);
    expect([5, 6, 7, 12, 20].map(lockSeconds)).toEqual([30, 60, 120, 3600, 3600]);
    expect([0, 1, 4].map(lockSeconds)).toEqual([0, 0, 0]);
  });

  it('a right PIN after the lock clears the count of wrong tries', async () => {
    await setPin('2468');
    for (let i = 0; i < 4; i++) await verifyPin('0000');
    expect(await verifyPin('2468')).toEqual({ ok: true });
    // Four more wrong tries are free again.
    for (let i = 0; i < 4; i++) expect(await verifyPin('0000')).toMatchObject({ reason: 'wrong', lockedUntil: 0 });
  });
});

/** An enumerator's PIN as the server hashes it (server/auth/pin-hash.ts: PBKDF2-SHA256, 100,000 iterations, base64). */
async function serverHash(pin: string, iterations = 100_000): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256));
  const b64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
  return `pbkdf2-sha256$${iterations}$${b64(salt)}$${b64(bits)}`;
}

describe("an enumerator's PIN", () => {
  it('is checked offline against the hash the server sent', async () => {
    const hash = await serverHash('1357');
    const key = enumeratorAttemptsKey('enum-1');
    expect(await verifyPinAgainst('1357', hash, key)).toEqual({ ok: true });
    expect(await verifyPinAgainst('1358', hash, key)).toMatchObject({ ok: false, reason: 'wrong', lockedUntil: 0 });
  });

  it('locks after five wrong tries like the supervisor PIN, for that enumerator only', async () => {
    const lan = await serverHash('1357');
    const minh = await serverHash('8642');
    await setPin('2468');
    const lanKey = enumeratorAttemptsKey('lan');
    for (let i = 0; i < 4; i++) expect(await verifyPinAgainst('0000', lan, lanKey)).toMatchObject({ reason: 'wrong', lockedUntil: 0 });
    const before = Date.now();
    const fifth = await verifyPinAgainst('0000', lan, lanKey);
    const until = (fifth as { lockedUntil: number }).lockedUntil;
    expect(until - before).toBeGreaterThanOrEqual(30_000);
    expect(await verifyPinAgainst('1357', lan, lanKey)).toMatchObject({ ok: false, reason: 'locked', lockedUntil: until });
    expect(await pinLockedUntil(Date.now(), lanKey)).toBe(until);
    // Another enumerator and the supervisor are not locked by Lan's wrong tries.
    expect(await pinLockedUntil(Date.now(), enumeratorAttemptsKey('minh'))).toBe(0);
    expect(await verifyPinAgainst('8642', minh, enumeratorAttemptsKey('minh'))).toEqual({ ok: true });
    expect(await pinLockedUntil()).toBe(0);
    expect(await verifyPin('2468')).toEqual({ ok: true });
  });

  it('never matches a hash the tablet cannot check (an old scrypt hash, an absurd cost)', async () => {
    const key = enumeratorAttemptsKey('old');
    expect(await verifyPinAgainst('1357', 'scrypt$16384$8$1$c2FsdA==$aGFzaA==', key)).toMatchObject({ ok: false, reason: 'wrong' });
    const absurd = (await serverHash('1357', 1000)).replace('$1000$', '$999999999$');
    expect(await verifyPinAgainst('1357', absurd, key)).toMatchObject({ ok: false, reason: 'wrong' });
  });
});
