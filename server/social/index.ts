import { defineContext } from '@/server/cqrs/define-context';
import { commentOnPost } from './commands/comment-on-post';
import { createPost } from './commands/create-post';
import { followUser } from './commands/follow-user';
import { likePost } from './commands/like-post';
import { unfollowUser } from './commands/unfollow-user';
import { unlikePost } from './commands/unlike-post';
import { socialFeedProjector } from './projections/social-projector';
import { getFeed } from './queries/get-feed';
import { getPostDetails } from './queries/get-post-details';
import { getProfile } from './queries/get-profile';
import { getUserPosts } from './queries/get-user-posts';
import { listPeople } from './queries/list-people';
import { streamFeed } from './queries/stream-feed';

/** The social feed (SF1-SF10): posts, follows, a hybrid push/pull feed, likes and comments. */
export const socialContext = defineContext({
  name: 'social',
  commands: [createPost, followUser, unfollowUser, likePost, unlikePost, commentOnPost],
  queries: [getFeed, getUserPosts, getProfile, getPostDetails, listPeople],
  streams: [streamFeed],
  projectors: [socialFeedProjector],
});
