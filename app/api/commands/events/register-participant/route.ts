import { commandRoute } from '@/server/http/command-route';
import { registerParticipant } from '@/server/events/commands/register-participant';

// RegisterParticipant: the caller takes a seat; capacity and uniqueness hold under concurrency.
export const POST = commandRoute(registerParticipant);
