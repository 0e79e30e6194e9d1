import { describe, expect, it } from 'vitest';
import { describeBars, describeTimeSeries, describeValues } from './describe-chart';

describe('describeValues', () => {
  it('gives latest, min and max, skipping gaps', () => {
    expect(describeValues([3, null, 30, 2, 21], { locale: 'en', unit: 'ms' })).toBe('latest 21 ms, min 2 ms, max 30 ms');
    expect(describeValues([null, undefined, Number.NaN])).toBe('no data');
  });
});

describe('describeTimeSeries', () => {
  const range = { start: Date.UTC(2031, 0, 14, 14), end: Date.UTC(2031, 0, 14, 15) };
  it('says what, when (with the zone) and each series', () => {
    const text = describeTimeSeries(
      'Projection lag',
      [
        { label: 'p50', values: [10, 21] },
        { label: 'p95', values: [30, 34] },
      ],
      range,
      { locale: 'en-GB', timeZone: 'UTC', unit: 'ms' },
    );
    expect(text).toBe(
      'Projection lag, from Tue 14 Jan, 14:00 UTC to Tue 14 Jan, 15:00 UTC. p50: latest 21 ms, min 10 ms, max 21 ms; p95: latest 34 ms, min 30 ms, max 34 ms.',
    );
  });
  it('says "no data" when there is none', () => {
    expect(describeTimeSeries('Lag', [{ label: 'p50', values: [] }], range)).toBe('Lag: no data.');
    expect(describeTimeSeries('Lag', [{ label: 'p50', values: [1] }], null)).toBe('Lag: no data.');
  });
});

describe('describeBars', () => {
  it('gives the total and the highest bar', () => {
    expect(
      describeBars('Registrations per day', [
        { label: 'Mon 13 Jan', value: 2 },
        { label: 'Tue 14 Jan', value: 9 },
        { label: 'Wed 15 Jan', value: 0 },
      ]),
    ).toBe('Registrations per day, 3 bars: total 11, most 9 on Tue 14 Jan.');
    expect(describeBars('Registrations', [])).toBe('Registrations: no data.');
  });
});
