import { commandRoute } from '@/server/http/command-route';
import { createPost } from '@/server/social/commands/create-post';

// CreatePost.
export const POST = commandRoute(createPost);
