import { defineQuery } from '@/server/cqrs/define';
import { readModel } from '@/server/cqrs/read-models';
import { eventCatalogProjector } from '../projections/event-catalog-projector';
import { type DayCount, dayOf, REGISTRATIONS_BY_DAY, type RegistrationsByDayDoc } from '../read-models/read-model-docs';
import { eventIdParams, registrationsByDay } from '../schemas';
import { organizedEvent, organizerOnlyErrors } from './organized-event';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A chart of more days than this starts at the last ones (an event's sales rarely run longer). */
export const MAX_DAYS = 366;

/** The stored days with the quiet days between them filled with zeros, so a chart's x axis is even. */
export function everyDay(days: DayCount[]): DayCount[] {
  if (days.length === 0) return [];
  const byDay = new Map(days.map((d) => [d.day, d]));
  const first = Math.max(Date.parse(days[0].day), Date.parse(days[days.length - 1].day) - (MAX_DAYS - 1) * DAY_MS);
  const out: DayCount[] = [];
  for (let t = first; t <= Date.parse(days[days.length - 1].day); t += DAY_MS) {
    const day = dayOf(new Date(t));
    out.push(byDay.get(day) ?? { day, registered: 0, cancelled: 0 });
  }
  return out;
}

/** GetRegistrationsByDay: an event's registrations and cancellations per UTC day, for its organizer's chart. */
export const getRegistrationsByDay = defineQuery({
  path: '/api/queries/events/{eventId}/registrations-by-day',
  summary: 'Registrations and cancellations of an event per day (its organizer only)',
  access: 'signed-in',
  params: eventIdParams,
  output: registrationsByDay,
  projections: [eventCatalogProjector.name],
  errors: organizerOnlyErrors,
  async handle({ eventId }, { db, actor }) {
    await organizedEvent(db, eventId, actor);
    const doc = await (await readModel<RegistrationsByDayDoc>(db, REGISTRATIONS_BY_DAY)).findOne({ _id: eventId });
    return { registrationsByDay: everyDay(doc?.days ?? []).map(({ day, registered, cancelled }) => ({ day, registered, cancelled })) };
  },
});
