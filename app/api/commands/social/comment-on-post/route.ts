import { commandRoute } from '@/server/http/command-route';
import { commentOnPost } from '@/server/social/commands/comment-on-post';

// CommentOnPost: a signed-in member comments on a post in 1 to 500 characters; the post's comment count moves with it.
export const POST = commandRoute(commentOnPost);
