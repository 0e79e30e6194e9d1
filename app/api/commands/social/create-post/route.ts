import { commandRoute } from '@/server/http/command-route';
import { createPost } from '@/server/social/commands/create-post';

// CreatePost: a signed-in member publishes 1 to 1,000 characters with up to 10 tags to their followers' feeds.
export const POST = commandRoute(createPost);
