// PINs checked on the tablet: the supervisor's (stored here only as a salted PBKDF2 hash) and each enumerator's
// (the hash the server sends, in the same format); wrong guesses slow down, per PIN, persisted across reloads.
import { db } from '../store/db';
import { guardedWrite } from '../store/errors';
import { getSetting, setSetting } from '../store/settings';

export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 8;
/** Free tries before each further wrong PIN locks the pad for a growing delay. */
const FREE_ATTEMPTS = 5;
const ITERATIONS = 210_000;
/** The highest cost a hash from the server may ask for (the server uses 100,000). */
const MAX_ITERATIONS = 2_000_000;
const ATTEMPTS_KEY = 'supervisorPinAttempts';

/** The attempts of one enumerator's PIN are counted apart: a wrong guess at one person's PIN does not lock another's. */
export function enumeratorAttemptsKey(enumeratorId: string): string {
  return `enumeratorPinAttempts:${enumeratorId}`;
}

interface AttemptState {
  failures: number;
  /** Epoch ms before which no PIN is checked at all. */
  lockedUntil: number;
}

/** 'wrong' was checked and refused (lockedUntil > 0 when this guess started a lock); 'locked' was not checked. */
export type VerifyResult = { ok: true } | { ok: false; reason: 'wrong' | 'locked' | 'not-set'; lockedUntil: number };

export function isValidPin(pin: string): boolean {
  return new RegExp(`^[0-9]{${PIN_MIN_LENGTH},${PIN_MAX_LENGTH}}$`).test(pin);
}

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  if (!crypto.subtle) throw new Error('This page is not a secure context (HTTPS): the PIN cannot be hashed.');
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

/** "pbkdf2-sha256$<iterations>$<salt>$<hash>", so the cost can be raised later without breaking old PINs. */
async function hashPin(pin: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `pbkdf2-sha256$${ITERATIONS}$${b64(salt)}$${b64(await derive(pin, salt, ITERATIONS))}`;
}

async function matches(pin: string, stored: string): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split('$');
  // A cost no tablet could pay (or none at all) is a hash this tablet cannot check: never a match.
  const cost = Number(iter);
  if (scheme !== 'pbkdf2-sha256' || !salt || !hash || !Number.isInteger(cost) || cost < 1 || cost > MAX_ITERATIONS) return false;
  const got = await derive(pin, unb64(salt), Number(iter));
  const want = unb64(hash);
  // Compare every byte so the time taken says nothing about how close a guess was.
  let diff = got.length ^ want.length;
  for (let i = 0; i < want.length; i++) diff |= got[i % got.length] ^ want[i];
  return diff === 0;
}

/** Seconds the pad stays locked after the n-th wrong PIN: none for the first five, then 30 s doubling to 1 h. */
export function lockSeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(3600, 30 * 2 ** (failures - FREE_ATTEMPTS));
}

async function attempts(key: string): Promise<AttemptState> {
  const v = (await db.settings.get(key))?.value as Partial<AttemptState> | undefined;
  return { failures: Number(v?.failures) || 0, lockedUntil: Number(v?.lockedUntil) || 0 };
}

function saveAttempts(key: string, state: AttemptState): Promise<string> {
  return guardedWrite(() => db.settings.put({ key, value: state }));
}

/** When the pad unlocks again (epoch ms), or 0 when it is not locked; the supervisor's PIN unless another key is given. */
export async function pinLockedUntil(now = Date.now(), key = ATTEMPTS_KEY): Promise<number> {
  const { lockedUntil } = await attempts(key);
  return lockedUntil > now ? lockedUntil : 0;
}

export async function hasPin(): Promise<boolean> {
  return Boolean(await getSetting('supervisorPinHash'));
}

export async function setPin(pin: string): Promise<void> {
  if (!isValidPin(pin)) throw new Error(`a PIN is ${PIN_MIN_LENGTH}–${PIN_MAX_LENGTH} digits`);
  await setSetting('supervisorPinHash', await hashPin(pin));
  await saveAttempts(ATTEMPTS_KEY, { failures: 0, lockedUntil: 0 });
}

/** The supervisor's PIN against the hash stored on this tablet. */
export async function verifyPin(pin: string): Promise<VerifyResult> {
  return verifyPinAgainst(pin, (await getSetting('supervisorPinHash')) ?? null, ATTEMPTS_KEY);
}

/**
 * A PIN against a stored hash (the supervisor's, or an enumerator's from the server), with the slow-down of the
 * attempts kept under attemptsKey: no check at all while locked, and the lock grows with each wrong PIN.
 */
export async function verifyPinAgainst(pin: string, stored: string | null, attemptsKey: string): Promise<VerifyResult> {
  if (!stored) return { ok: false, reason: 'not-set', lockedUntil: 0 };
  const state = await attempts(attemptsKey);
  const now = Date.now();
  if (state.lockedUntil > now) return { ok: false, reason: 'locked', lockedUntil: state.lockedUntil };
  if (await matches(pin, stored)) {
    if (state.failures) await saveAttempts(attemptsKey, { failures: 0, lockedUntil: 0 });
    return { ok: true };
  }
  const failures = state.failures + 1;
  const lock = lockSeconds(failures);
  const lockedUntil = lock ? now + lock * 1000 : 0;
  await saveAttempts(attemptsKey, { failures, lockedUntil });
  return { ok: false, reason: 'wrong', lockedUntil };
}
