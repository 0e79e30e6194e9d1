import { formatInstant, type TimeZoneOptions } from './format-time-axis';

export type SeriesValues = { label: string; values: ReadonlyArray<number | null | undefined> };

const numberFormat = (locale?: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });

/** "latest 21 ms, min 2, max 30" for one series; "no data" when it holds no number. */
export function describeValues(values: SeriesValues['values'], { locale, unit }: { locale?: string; unit?: string } = {}): string {
  const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (numbers.length === 0) return 'no data';
  const f = numberFormat(locale);
  const u = unit ? ` ${unit}` : '';
  const latest = numbers.at(-1)!;
  return `latest ${f.format(latest)}${u}, min ${f.format(Math.min(...numbers))}${u}, max ${f.format(Math.max(...numbers))}${u}`;
}

/**
 * One sentence per chart for screen readers (the role="img" label): what it shows, over which
 * times, and each series' latest, lowest and highest value.
 */
export function describeTimeSeries(
  title: string,
  series: ReadonlyArray<SeriesValues>,
  range: { start: number; end: number } | null,
  { locale, timeZone, unit }: TimeZoneOptions & { unit?: string } = {},
): string {
  if (!range || series.every((s) => describeValues(s.values) === 'no data')) return `${title}: no data.`;
  const when = `from ${formatInstant(range.start, { locale, timeZone })} to ${formatInstant(range.end, { locale, timeZone })}`;
  const parts = series.map((s) => `${s.label}: ${describeValues(s.values, { locale, unit })}`);
  return `${title}, ${when}. ${parts.join('; ')}.`;
}

/** For category or daily bar charts: "Registrations per day, 14 days: total 52, most 9 on Tue 14 Jan." */
export function describeBars(
  title: string,
  bars: ReadonlyArray<{ label: string; value: number | null | undefined }>,
  { locale, unit }: { locale?: string; unit?: string } = {},
): string {
  const numbers = bars.filter((b): b is { label: string; value: number } => typeof b.value === 'number' && Number.isFinite(b.value));
  if (numbers.length === 0) return `${title}: no data.`;
  const f = numberFormat(locale);
  const u = unit ? ` ${unit}` : '';
  const total = numbers.reduce((sum, b) => sum + b.value, 0);
  const top = numbers.reduce((best, b) => (b.value > best.value ? b : best));
  return `${title}, ${bars.length} ${bars.length === 1 ? 'bar' : 'bars'}: total ${f.format(total)}${u}, most ${f.format(top.value)}${u} on ${top.label}.`;
}
