import { defineQuery } from '@/server/cqrs/define';
import { readModel } from '@/server/cqrs/read-models';
import { eventCatalogProjector } from '../projections/event-catalog-projector';
import { REGISTRATIONS, type RegistrationDoc } from '../read-models/read-model-docs';
import { myRegistrations, noParams } from '../schemas';

/** ListMyRegistrations: the caller's registrations, soonest event first; the filter is the caller. */
export const listMyRegistrations = defineQuery({
  path: '/api/queries/events/my-registrations',
  summary: 'The caller’s registrations',
  access: 'signed-in',
  params: noParams,
  output: myRegistrations,
  projections: [eventCatalogProjector.name],
  errors: [{ status: 401, code: 'unauthenticated', when: 'not signed in' }],
  async handle(_params, { db, actor }) {
    const docs = await (await readModel<RegistrationDoc>(db, REGISTRATIONS)).find({ userId: actor.userId }).sort({ startsAt: 1 }).toArray();
    return {
      items: docs.map((d) => ({
        eventId: d.eventId,
        title: d.title,
        venue: d.venue,
        startsAt: d.startsAt.toISOString(),
        status: d.status,
        registeredAt: d.registeredAt.toISOString(),
      })),
    };
  },
});
