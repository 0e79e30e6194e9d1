/**
 * Event times in the viewer's locale and time zone, always naming the zone ("Tue, 14 Jan 2031,
 * 18:30 CET", or "GMT+9" where the zone has no common abbreviation): an attendee in another zone
 * must be able to tell what the time means (issue 8, defect 8).
 */
const dateTimeZoned = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});
const dateTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const timeZoned = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
const dayOnly = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Tue, 14 Jan 2031, 18:30 CET". */
export function formatEventDate(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? dateTimeZoned.format(date) : (iso ?? '');
}

/** "Tue, 14 Jan 2031" (no time). */
export function formatEventDay(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? dayOnly.format(date) : (iso ?? '');
}

/** "18:30 CET". */
export function formatEventTime(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? timeZoned.format(date) : (iso ?? '');
}

/** Start, plus end (time only when on the same day); the zone named once, at the end. */
export function formatEventRange(startsAt: string, endsAt: string | null | undefined): string {
  const s = parse(startsAt);
  const e = parse(endsAt);
  if (!s) return startsAt;
  if (!e) return dateTimeZoned.format(s);
  const sameDay = s.toDateString() === e.toDateString();
  return `${dateTime.format(s)} – ${sameDay ? timeZoned.format(e) : dateTimeZoned.format(e)}`;
}
