import { commandRoute } from '@/server/http/command-route';
import { unlikePost } from '@/server/social/commands/unlike-post';

// UnlikePost: a signed-in member takes back their own like; unliking what is not liked changes nothing.
export const POST = commandRoute(unlikePost);
