import { defineQuery } from '@/server/cqrs/define';
import { readModel } from '@/server/cqrs/read-models';
import { forEachConcurrent } from '@/server/cqrs/for-each-concurrent';
import { FOLLOWS, followId, PROFILES, type FollowDoc, type ProfileDoc } from '../read-models/read-model-docs';
import { socialFeedProjector } from '../projections/social-projector';
import { peoplePage, peopleParams } from '../schemas';
import { toProfile } from './to-profile';

const PAGE = 50;

/**
 * ListPeople: the directory by first letter (an indexed equality), narrowed by the rest of the
 * prefix in memory, sorted by name, at most 50.
 */
export const listPeople = defineQuery({
  path: '/api/queries/social/people',
  summary: 'People whose name starts with a prefix',
  access: 'signed-in',
  params: peopleParams,
  output: peoplePage,
  projections: [socialFeedProjector.name],
  errors: [],
  async handle({ prefix }, { db, actor }) {
    const me = actor.userId;
    const docs = (await (await readModel<ProfileDoc>(db, PROFILES)).find({ initial: prefix.charAt(0) }, { projection: { recent: 0 } }).toArray())
      .filter((d) => d.nameLower.startsWith(prefix))
      .sort((a, b) => a.nameLower.localeCompare(b.nameLower) || (a._id < b._id ? -1 : 1))
      .slice(0, PAGE);
    const follows = await readModel<FollowDoc>(db, FOLLOWS);
    const followed = new Set<string>();
    await forEachConcurrent(docs, 16, async (d) => {
      if (await follows.findOne({ _id: followId(me, d._id) })) followed.add(d._id);
    });
    return { items: docs.map((d) => toProfile(d as ProfileDoc, me, followed.has(d._id))) };
  },
});
