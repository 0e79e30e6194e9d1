import { commandRoute } from '@/server/http/command-route';
import { unlikePost } from '@/server/social/commands/unlike-post';

// UnlikePost.
export const POST = commandRoute(unlikePost);
