import { defineContext } from '@/server/cqrs/define-context';
import { cancelRegistration } from './commands/cancel-registration';
import { createEvent } from './commands/create-event';
import { deleteEvent } from './commands/delete-event';
import { registerParticipant } from './commands/register-participant';
import { updateEvent } from './commands/update-event';
import { eventCatalogProjector } from './projections/event-catalog-projector';
import { getEventDetails } from './queries/get-event-details';
import { getRegistrationsByDay } from './queries/get-registrations-by-day';
import { listEventAttendees } from './queries/list-event-attendees';
import { listMyRegistrations } from './queries/list-my-registrations';
import { listOrganizedEvents } from './queries/list-organized-events';
import { listUpcomingEvents } from './queries/list-upcoming-events';

/** Event management (EV1-EV3): organizers publish events, attendees take seats, organizers see who registered. */
export const eventsContext = defineContext({
  name: 'events',
  commands: [createEvent, updateEvent, deleteEvent, registerParticipant, cancelRegistration],
  queries: [getEventDetails, listUpcomingEvents, listMyRegistrations, listOrganizedEvents, listEventAttendees, getRegistrationsByDay],
  projectors: [eventCatalogProjector],
});
