import type { ProfileDoc } from '../read-models/read-model-docs';

export function toProfile(doc: ProfileDoc, viewer: string | null, followed: boolean) {
  return {
    userId: doc._id,
    name: doc.name,
    postCount: doc.postCount,
    followerCount: doc.followerCount,
    followingCount: doc.followingCount,
    followedByMe: followed,
    isMe: doc._id === viewer,
  };
}
