import { commandRoute } from '@/server/http/command-route';
import { commentOnPost } from '@/server/social/commands/comment-on-post';

// CommentOnPost.
export const POST = commandRoute(commentOnPost);
