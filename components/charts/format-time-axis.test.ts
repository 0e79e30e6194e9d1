import { describe, expect, it } from 'vitest';
import { formatInstant, pickTimeStep, timeTickFormatter, timeTicks, timeZoneName, toMs, zoneOffsetMs } from './format-time-axis';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('zoneOffsetMs', () => {
  it('is zero in UTC and follows daylight saving in a zone', () => {
    expect(zoneOffsetMs(Date.UTC(2031, 0, 14, 12), 'UTC')).toBe(0);
    expect(zoneOffsetMs(Date.UTC(2031, 0, 14, 12), 'Europe/Paris')).toBe(HOUR);
    expect(zoneOffsetMs(Date.UTC(2031, 6, 14, 12), 'Europe/Paris')).toBe(2 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2031, 0, 14, 12), 'Asia/Kolkata')).toBe(5.5 * HOUR);
  });
});

describe('timeZoneName', () => {
  it('names the zone shortly in the locale', () => {
    expect(timeZoneName(Date.UTC(2031, 0, 14), { locale: 'en-GB', timeZone: 'UTC' })).toBe('UTC');
    expect(timeZoneName(Date.UTC(2031, 0, 14), { locale: 'en-US', timeZone: 'America/New_York' })).toBe('EST');
    expect(timeZoneName(Date.UTC(2031, 6, 14), { locale: 'en-US', timeZone: 'America/New_York' })).toBe('EDT');
  });
});

describe('pickTimeStep', () => {
  it('keeps the number of ticks at or under the maximum', () => {
    expect(pickTimeStep(0, HOUR, 6)).toBe(10 * MIN);
    expect(pickTimeStep(0, DAY, 6)).toBe(6 * HOUR);
    expect(pickTimeStep(0, 14 * DAY, 6)).toBe(7 * DAY);
    expect(pickTimeStep(0, 3 * MIN, 6)).toBe(MIN);
  });
});

describe('timeTicks', () => {
  it('puts ticks on round minutes of the last hour', () => {
    const start = Date.UTC(2031, 0, 14, 14, 7);
    const ticks = timeTicks(start, start + HOUR, { timeZone: 'UTC' });
    expect(ticks.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(['14:10', '14:20', '14:30', '14:40', '14:50', '15:00']);
  });

  it('puts daily ticks on local midnight, not UTC midnight', () => {
    const start = Date.UTC(2031, 0, 10, 5);
    const ticks = timeTicks(start, start + 5 * DAY, { timeZone: 'Asia/Kolkata', maxTicks: 6 });
    expect(ticks).toHaveLength(5);
    for (const t of ticks) expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kolkata', hour: '2-digit', minute: '2-digit' }).format(t)).toBe('00:00');
  });

  it('aligns hours in a half-hour zone on its own round hours', () => {
    const start = Date.UTC(2031, 0, 14, 0, 0);
    const ticks = timeTicks(start, start + 12 * HOUR, { timeZone: 'Asia/Kolkata', maxTicks: 6 });
    const local = ticks.map((t) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kolkata', hour: '2-digit', minute: '2-digit' }).format(t));
    expect(local.every((l) => l.endsWith(':00'))).toBe(true);
    expect(ticks.every((t) => t >= start && t <= start + 12 * HOUR)).toBe(true);
  });

  it('handles empty and single-instant ranges', () => {
    expect(timeTicks(10, 5)).toEqual([]);
    expect(timeTicks(Number.NaN, 5)).toEqual([]);
    expect(timeTicks(5, 5)).toEqual([5]);
  });
});

describe('timeTickFormatter', () => {
  const opts = { locale: 'en-GB', timeZone: 'UTC' };
  it('shows times of day for an hour, dates for weeks, months for a year', () => {
    const start = Date.UTC(2031, 0, 14, 14);
    expect(timeTickFormatter(start, start + HOUR, opts)(start + 30 * MIN)).toBe('14:30');
    expect(timeTickFormatter(start, start + 14 * DAY, opts)(start + DAY)).toBe('15 Jan');
    expect(timeTickFormatter(start, start + 365 * DAY, opts)(start + 60 * DAY)).toBe('Mar 2031');
  });

  it('names the day of a tick after midnight on a day-long axis', () => {
    const start = Date.UTC(2031, 0, 14, 6);
    const format = timeTickFormatter(start, start + DAY, opts);
    expect(format(Date.UTC(2031, 0, 15, 0))).toBe('15 Jan 00:00');
    expect(format(Date.UTC(2031, 0, 14, 12))).toBe('12:00');
  });
});

describe('formatInstant and toMs', () => {
  it('formats with the zone shown', () => {
    expect(formatInstant(Date.UTC(2031, 0, 14, 18, 30), { locale: 'en-GB', timeZone: 'UTC' })).toBe('Tue 14 Jan, 18:30 UTC');
  });
  it('reads dates, ISO strings and numbers', () => {
    expect(toMs('2031-01-14T18:30:00Z')).toBe(Date.UTC(2031, 0, 14, 18, 30));
    expect(toMs(new Date(5))).toBe(5);
    expect(toMs(7)).toBe(7);
    expect(toMs('nope')).toBeNaN();
  });
});
