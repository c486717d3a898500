// The server hashes an enumerator's PIN so that the tablet's own PIN code, offline, accepts it and nothing else.
import { describe, expect, it } from 'vitest';
import { enumeratorPinMatches, hashEnumeratorPin, isTabletPinHash } from './pin-hash';

describe('enumerator PIN hash', () => {
  it('matches the PIN it was made from and no other', async () => {
    const stored = await hashEnumeratorPin('2468');
    expect(isTabletPinHash(stored)).toBe(true);
    expect(await enumeratorPinMatches('2468', stored)).toBe(true);
    expect(await enumeratorPinMatches('2469', stored)).toBe(false);
  });

  it('does not take an older scrypt hash for one a tablet can check', async () => {
    expect(isTabletPinHash('scrypt$16384$8$1$abc$def')).toBe(false);
    expect(await enumeratorPinMatches('2468', 'scrypt$16384$8$1$abc$def')).toBe(false);
  });
});
