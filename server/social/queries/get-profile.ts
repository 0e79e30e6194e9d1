import { defineQuery } from '@/server/cqrs/define';
import { notFound } from '@/server/cqrs/errors';
import { readModel } from '@/server/cqrs/read-models';
import { FOLLOWS, followId, PROFILES, type FollowDoc, type ProfileDoc } from '../read-models/read-model-docs';
import { socialFeedProjector } from '../projections/social-projector';
import { profile, userIdParams } from '../schemas';
import { toProfile } from './to-profile';

/** GetProfile: counts, and whether the caller follows this user (one edge lookup). */
export const getProfile = defineQuery({
  path: '/api/queries/social/users/{userId}',
  summary: "A user's profile",
  access: 'signed-in',
  params: userIdParams,
  output: profile,
  projections: [socialFeedProjector.name],
  errors: [{ status: 404, code: 'not-found', when: 'no such user' }],
  async handle({ userId }, { db, actor }) {
    const me = actor.userId;
    const doc = await (await readModel<ProfileDoc>(db, PROFILES)).findOne({ _id: userId });
    if (!doc) throw notFound('User');
    const edge = await (await readModel<FollowDoc>(db, FOLLOWS)).findOne({ _id: followId(me, userId) });
    return toProfile(doc, me, edge !== null);
  },
});
