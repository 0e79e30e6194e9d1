import { commandRoute } from '@/server/http/command-route';
import { likePost } from '@/server/social/commands/like-post';

// LikePost.
export const POST = commandRoute(likePost);
