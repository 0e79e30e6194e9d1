import { describe, expect, it } from 'vitest';
import { comparePositions, decodeToken, encodeToken } from './consistency-token';
import { hashOf } from './handle-command';

describe('consistency tokens', () => {
  it('round-trip and order by transaction first, then position', () => {
    expect(decodeToken(encodeToken({ transactionId: 42, position: 7 }))).toEqual({ transactionId: 42, position: 7 });
    expect(comparePositions({ transactionId: 2, position: 1 }, { transactionId: 1, position: 9 })).toBeGreaterThan(0);
    expect(comparePositions({ transactionId: 1, position: 3 }, { transactionId: 1, position: 9 })).toBeLessThan(0);
  });

  it.each(['', 'abc', '1.', '.1', '1.2.3', '-1.2', '1e3.2', '12345678901234567890.1'])('rejects %j', (raw) => {
    expect(decodeToken(raw)).toBeNull();
  });
});

describe('request hashes for idempotency', () => {
  it('ignore key order but not values', () => {
    expect(hashOf({ a: 1, b: { c: 2, d: 3 } })).toBe(hashOf({ b: { d: 3, c: 2 }, a: 1 }));
    expect(hashOf({ a: 1 })).not.toBe(hashOf({ a: 2 }));
    expect(hashOf([1, 2])).not.toBe(hashOf([2, 1]));
  });
});
