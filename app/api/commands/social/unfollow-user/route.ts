import { commandRoute } from '@/server/http/command-route';
import { unfollowUser } from '@/server/social/commands/unfollow-user';

// UnfollowUser: a signed-in member stops following a user, whose posts leave their feed; unfollowing twice changes nothing.
export const POST = commandRoute(unfollowUser);
