import { describe, expect, it } from 'vitest';
import { parseSort, serializeSort } from './use-table-url-state';

describe('sort in the URL', () => {
  it('reads `id` as ascending and `-id` as descending', () => {
    expect(parseSort(['title', '-startsAt'])).toEqual([
      { id: 'title', desc: false },
      { id: 'startsAt', desc: true },
    ]);
    expect(parseSort(null)).toEqual([]);
    expect(parseSort(['', '-'])).toEqual([]);
  });
  it('writes what it reads', () => {
    const sorting = [
      { id: 'seatsLeft', desc: true },
      { id: 'title', desc: false },
    ];
    expect(parseSort(serializeSort(sorting))).toEqual(sorting);
  });
});
