/**
 * Time axes in the viewer's locale and time zone: tick positions on round instants of that zone,
 * tick labels as short as the span allows, and the zone's name for the axis label ("Time (CET)").
 * Pure: locale and zone are parameters (undefined = the runtime's own), so tests pin them.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type TimeZoneOptions = { locale?: string; timeZone?: string };

/** Steps a tick can take, smallest first. Multi-day steps are whole days in the zone. */
const STEPS = [
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
];

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `ms`, in ms (CET in winter: +3,600,000). */
export function zoneOffsetMs(ms: number, timeZone?: string): number {
  const key = timeZone ?? '';
  let format = offsetFormatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(key, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The zone's short name at `ms` in `locale` ("CET", "GMT+1", "UTC"). */
export function timeZoneName(ms: number, { locale, timeZone }: TimeZoneOptions = {}): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(new Date(ms));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone ?? 'local time';
}

/** The step that gives at most `maxTicks` ticks over [start, end]. */
export function pickTimeStep(start: number, end: number, maxTicks = 6): number {
  const span = Math.max(0, end - start);
  return STEPS.find((step) => span / step <= maxTicks) ?? Math.ceil(span / maxTicks / DAY) * DAY;
}

/**
 * Tick instants on round local times of the zone: every 15 minutes at :00, :15...; every 6 hours
 * at 00:00, 06:00...; days at local midnight. Ends included when they fall on a step.
 */
export function timeTicks(start: number, end: number, { maxTicks = 6, timeZone }: { maxTicks?: number; timeZone?: string } = {}): number[] {
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return [];
  if (end === start) return [start];
  const step = pickTimeStep(start, end, maxTicks);
  const ticks: number[] = [];
  // Work in "local wall-clock ms" (UTC ms shifted by the zone's offset), where round numbers are round local times.
  const offset = zoneOffsetMs(start, timeZone);
  let local = Math.ceil((start + offset) / step) * step;
  for (let guard = 0; guard < 1000; guard++) {
    const candidate = local - zoneOffsetMs(local - offset, timeZone);
    if (candidate > end) break;
    if (candidate >= start && ticks.at(-1) !== candidate) ticks.push(candidate);
    local += step;
  }
  return ticks;
}

/**
 * A formatter for ticks over [start, end]: times of day within two days, "14 Jan" up to a few
 * months, "Jan 2031" beyond. The first tick and any tick on a new day get the date as well,
 * so an axis over midnight stays unambiguous.
 */
export function timeTickFormatter(start: number, end: number, { locale, timeZone }: TimeZoneOptions = {}): (ms: number) => string {
  const span = end - start;
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  const dayMonth = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short' });
  const monthYear = new Intl.DateTimeFormat(locale, { timeZone, month: 'short', year: 'numeric' });
  const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  if (span <= 2 * DAY) {
    return (ms) => {
      const label = time.format(ms);
      // Midnight, or near the start: say which day.
      return span > 12 * HOUR && dayKey.format(ms) !== dayKey.format(ms - pickTimeStep(start, end)) ? `${dayMonth.format(ms)} ${label}` : label;
    };
  }
  if (span <= 120 * DAY) return (ms) => dayMonth.format(ms);
  return (ms) => monthYear.format(ms);
}

/** A full instant for tooltips and screen readers: "Tue 14 Jan, 18:30 CET". */
export function formatInstant(ms: number, { locale, timeZone }: TimeZoneOptions = {}): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(ms);
}

/** A calendar day for daily buckets: "Tue 14 Jan". */
export function formatDay(ms: number, { locale, timeZone }: TimeZoneOptions = {}): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(ms);
}

/** Milliseconds since the epoch from a Date, ISO string or number (NaN when unreadable). */
export function toMs(value: Date | string | number): number {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  return Date.parse(value);
}
