// Sync failures survive a reload as text, and a refused token is told apart from a network that is down.
import { describe, expect, it } from 'vitest';
import { codeText } from '../../core/protocol/problems';
import type { ApiFailure } from '../api/api-error';
import { backoffDelay } from './backoff';
import { decodeFailure, encodeFailure, isAuthFailure } from './failure';

describe('failure encoding', () => {
  it('round-trips every kind and reads garbage as no error', () => {
    const all: ApiFailure[] = [
      { kind: 'network' },
      { kind: 'timeout' },
      { kind: 'bad-answer', status: 200 },
      { kind: 'problem', status: 401, code: '401.2', detail: 'device was revoked' },
      { kind: 'problem', status: 502, code: null },
    ];
    for (const f of all) expect(decodeFailure(encodeFailure(f))).toEqual(f);
    expect(decodeFailure('not json')).toBeNull();
    expect(decodeFailure('{"kind":"other"}')).toBeNull();
    expect(decodeFailure(undefined)).toBeNull();
  });

  it('treats only a 401 as a refused token', () => {
    expect(isAuthFailure({ kind: 'problem', status: 401, code: '401.1' })).toBe(true);
    expect(isAuthFailure({ kind: 'problem', status: 500, code: '500.1' })).toBe(false);
    expect(isAuthFailure({ kind: 'network' })).toBe(false);
  });

  it('reads problem codes sent as numbers or text', () => {
    expect(codeText(401.2)).toBe('401.2');
    expect(codeText('409.1')).toBe('409.1');
    expect(codeText('409.x')).toBeNull();
    expect(codeText(undefined)).toBeNull();
  });
});

describe('backoff', () => {
  it('waits a random time under 2^n seconds, never more than 5 minutes', () => {
    expect(backoffDelay(1, 1000, 300_000, () => 0.999)).toBe(1998);
    expect(backoffDelay(3, 1000, 300_000, () => 0.5)).toBe(4000);
    expect(backoffDelay(20, 1000, 300_000, () => 0.999)).toBe(299_700);
    expect(backoffDelay(1, 1000, 300_000, () => 0)).toBe(0);
  });
});
