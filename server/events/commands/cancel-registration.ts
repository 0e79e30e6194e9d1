import { eq } from 'drizzle-orm';
import { registrations } from '@/db/client';
import { defineCommand } from '@/server/cqrs/define';
import { eventIdInput, registrationCancelled } from '../schemas';
import { decideAndSave } from './decide-and-save';
import { activeRegistration, lockEvent } from './event-rows';

/** CancelRegistration: the caller gives their seat back. */
export const cancelRegistration = defineCommand({
  name: 'events/cancel-registration',
  summary: 'Cancel the caller’s registration',
  access: 'signed-in',
  input: eventIdInput,
  output: registrationCancelled,
  successStatus: 200,
  errors: [
    { status: 404, code: 'not-found', when: 'no such event' },
    { status: 409, code: 'not-registered', when: 'the caller holds no registration' },
    { status: 409, code: 'event-past', when: 'the event has started' },
  ],
  async handle({ eventId }, ctx) {
    const userId = ctx.actor!.userId;
    const event = await lockEvent(ctx.tx, eventId);
    const registrationId = event ? await activeRegistration(ctx.tx, eventId, userId) : null;
    await decideAndSave(ctx, { type: 'CancelRegistration', data: { userId, now: ctx.now.toISOString() } }, { event, participant: { userId, registrationId } });
    await ctx.tx.update(registrations).set({ status: 'cancelled', cancelledAt: ctx.now }).where(eq(registrations.id, registrationId!));
    return { status: 200, body: { eventId } };
  },
});
