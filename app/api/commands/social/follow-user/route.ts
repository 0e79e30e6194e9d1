import { commandRoute } from '@/server/http/command-route';
import { followUser } from '@/server/social/commands/follow-user';

// FollowUser: a signed-in member follows another user, never themselves; following twice changes nothing.
export const POST = commandRoute(followUser);
