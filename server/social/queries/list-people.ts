import type { Collection, Filter } from 'mongodb';
import { defineQuery } from '@/server/cqrs/define';
import { invalid } from '@/server/cqrs/errors';
import { forEachConcurrent } from '@/server/cqrs/for-each-concurrent';
import { readModel } from '@/server/cqrs/read-models';
import { socialFeedProjector } from '../projections/social-projector';
import { FOLLOWS, type FollowDoc, followId, NAME_PREFIX_MAX, nameWords, PEOPLE_BUCKETS, PROFILES, type ProfileDoc } from '../read-models/read-model-docs';
import { peoplePage, peopleParams } from '../schemas';
import { toProfile } from './to-profile';

type Person = Omit<ProfileDoc, 'recent'>;
/** A person's place in the directory: bucket (a..z, then #), lower-cased name, id. */
type Place = [bucket: number, name: string, id: string];

const placeOf = (d: Person): Place => [PEOPLE_BUCKETS.indexOf(d.initial as (typeof PEOPLE_BUCKETS)[number]), d.nameLower, d._id];

function compare(a: Place, b: Place): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

const encode = (p: Place) => Buffer.from(JSON.stringify(p)).toString('base64url');

function decode(raw: string): Place {
  try {
    const p = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    if (Array.isArray(p) && p.length === 3 && Number.isInteger(p[0]) && typeof p[1] === 'string' && typeof p[2] === 'string') return p as Place;
  } catch {}
  throw invalid([{ path: 'cursor', message: 'is not a cursor this API issued' }]);
}

/** The people of one equality lookup after `after`, in directory order. */
async function lookup(profiles: Collection<ProfileDoc>, filter: Filter<ProfileDoc>, after: Place | null, keep: (d: Person) => boolean) {
  const docs: Person[] = await profiles.find(filter, { projection: { recent: 0 } }).toArray();
  return docs
    .filter(keep)
    .map((d) => ({ d, at: placeOf(d) }))
    .filter((r) => !after || compare(r.at, after) > 0)
    .sort((a, b) => compare(a.at, b.at));
}

/**
 * ListPeople: the directory, alphabetical, keyset-paged. A search is one indexed equality on the
 * profiles' `namePrefixes` (every prefix of every name word) for its first word; further words
 * narrow the matches in memory. Without a search it walks the first-letter buckets (a..z, then #
 * for every other initial), each an indexed equality, until the page is full: the read store
 * pushes down only equality, so no query scans everyone.
 */
export const listPeople = defineQuery({
  path: '/api/queries/social/people',
  summary: 'People, alphabetical, optionally those with a name word starting with each word of q',
  access: 'signed-in',
  params: peopleParams,
  output: peoplePage,
  projections: [socialFeedProjector.name],
  errors: [{ status: 400, code: 'invalid-request', when: 'q, limit or cursor is malformed' }],
  async handle({ q, limit, cursor }, { db, actor }) {
    const me = actor.userId;
    const after = cursor ? decode(cursor) : null;
    const profiles = await readModel<ProfileDoc>(db, PROFILES);
    const words = nameWords(q ?? '').map((w) => w.slice(0, NAME_PREFIX_MAX));
    const rows: Awaited<ReturnType<typeof lookup>> = [];
    if (words.length > 0) {
      const [first, ...rest] = words;
      const keep = (d: Person) => rest.every((w) => d.namePrefixes.includes(w));
      rows.push(...(await lookup(profiles, { namePrefixes: first }, after, keep)));
    } else {
      for (let b = after ? after[0] : 0; b < PEOPLE_BUCKETS.length && rows.length <= limit; b++) {
        rows.push(...(await lookup(profiles, { initial: PEOPLE_BUCKETS[b] }, after, () => true)));
      }
    }
    const page = rows.slice(0, limit);
    const follows = await readModel<FollowDoc>(db, FOLLOWS);
    const followed = new Set<string>();
    await forEachConcurrent(page, 16, async ({ d }) => {
      if (await follows.findOne({ _id: followId(me, d._id) })) followed.add(d._id);
    });
    const last = page.at(-1);
    return {
      items: page.map(({ d }) => ({ ...toProfile(d as ProfileDoc, me, followed.has(d._id)), email: d.email ?? '' })),
      nextCursor: rows.length > limit && last ? encode(last.at) : null,
    };
  },
});
