import { commandRoute } from '@/server/http/command-route';
import { followUser } from '@/server/social/commands/follow-user';

// FollowUser.
export const POST = commandRoute(followUser);
