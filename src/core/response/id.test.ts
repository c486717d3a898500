// Response ids are minted on the tablet; their order must be the order interviews started, or the outbox and the key misorder.
import { describe, expect, it } from 'vitest';
import { newResponseId, uuidV7Time } from './id';
import { Response } from './schema';

/** Spins until the wall clock passes `ms`, so the next id is minted in a later millisecond. */
function waitPast(ms: number): void {
  while (Date.now() <= ms) {
    /* busy-wait: at most one millisecond */
  }
}

describe('UUIDv7 response ids', () => {
  it('are lower-case UUIDv7 that the response schema accepts', () => {
    const id = newResponseId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Response.shape.id.safeParse(id).success).toBe(true);
  });

  it('minted in sequence, sort lexicographically in creation order, within and across milliseconds', () => {
    const ids: string[] = [];
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 500; i++) ids.push(newResponseId());
      waitPast(uuidV7Time(ids[ids.length - 1]));
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // The run really crossed millisecond boundaries, and many ids shared one millisecond.
    const times = new Set(ids.map(uuidV7Time));
    expect(times.size).toBeGreaterThanOrEqual(5);
    expect(times.size).toBeLessThan(ids.length);
  });

  it('an id minted in a later millisecond sorts after one minted earlier', () => {
    const a = newResponseId();
    waitPast(uuidV7Time(a));
    const b = newResponseId();
    expect(uuidV7Time(b)).toBeGreaterThan(uuidV7Time(a));
    expect(a < b).toBe(true);
  });

  it('uuidV7Time reads back the minting time', () => {
    const before = Date.now();
    const id = newResponseId();
    const after = Date.now();
    expect(uuidV7Time(id)).toBeGreaterThanOrEqual(before);
    expect(uuidV7Time(id)).toBeLessThanOrEqual(after);
    // A known id from RFC 9562's example: 2022-02-22T19:22:22.000Z = 0x017F22E279B0.
    expect(uuidV7Time('017f22e2-79b0-7cc3-98c4-dc0c0c07398f')).toBe(Date.UTC(2022, 1, 22, 19, 22, 22));
  });
});
