import { commandRoute } from '@/server/http/command-route';
import { unfollowUser } from '@/server/social/commands/unfollow-user';

// UnfollowUser.
export const POST = commandRoute(unfollowUser);
