import { commandRoute } from '@/server/http/command-route';
import { likePost } from '@/server/social/commands/like-post';

// LikePost: a signed-in member likes a post at most once; liking it again changes nothing.
export const POST = commandRoute(likePost);
