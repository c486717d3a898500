// The refusal's reason follows the first consent question answered "no", and a rate of nobody asked is no rate.
import { describe, expect, it } from 'vitest';
import { rateFigures, refusalReason } from './refusals';

describe('refusalReason', () => {
  it('names the first "no" in the order asked: adult, then result received, then agreement', () => {
    expect(refusalReason({ adult: false, receivedResult: null, agreed: null })).toBe('not-adult');
    expect(refusalReason({ adult: false, receivedResult: false, agreed: false })).toBe('not-adult');
    expect(refusalReason({ adult: true, receivedResult: false, agreed: false })).toBe('no-result');
    expect(refusalReason({ adult: null, receivedResult: null, agreed: false })).toBe('declined');
    expect(refusalReason({ adult: true, receivedResult: true, agreed: true })).toBeNull();
    expect(refusalReason({ adult: null, receivedResult: null, agreed: null })).toBeNull();
  });
});

describe('rateFigures', () => {
  it('is interviews ÷ (interviews + refusals), and null when nobody was asked', () => {
    expect(rateFigures(3, { 'not-adult': 1, 'no-result': 0, declined: 1 })).toEqual({ interviews: 3, refusals: 2, reasons: { 'not-adult': 1, 'no-result': 0, declined: 1 }, rate: 0.6 });
    expect(rateFigures(0, { 'not-adult': 0, 'no-result': 0, declined: 2 }).rate).toBe(0);
    expect(rateFigures(0, { 'not-adult': 0, 'no-result': 0, declined: 0 }).rate).toBeNull();
  });
});
