const dateTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** "Tue, 14 Jan 2031, 18:30" in the viewer's locale and time zone. */
export function formatEventDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** Start, plus end (time only when on the same day). */
export function formatEventRange(startsAt: string, endsAt: string | null | undefined): string {
  const start = formatEventDate(startsAt);
  if (!endsAt) return start;
  const s = new Date(startsAt);
  const e = new Date(endsAt);
  if (Number.isNaN(e.getTime())) return start;
  const sameDay = s.toDateString() === e.toDateString();
  return `${start} – ${sameDay ? timeOnly.format(e) : dateTime.format(e)}`;
}
