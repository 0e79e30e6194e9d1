/** The feed benchmark's made-up people and posts: a seeded generator and the words it draws from. */

/** Deterministic PRNG (mulberry32), so every run loads the same graph. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FIRST = [
  'Ada',
  'Bora',
  'Chen',
  'Dara',
  'Eun',
  'Farah',
  'Gil',
  'Hana',
  'Ivo',
  'Jin',
  'Kai',
  'Lena',
  'Min',
  'Noor',
  'Oli',
  'Pia',
  'Quin',
  'Rae',
  'Seo',
  'Tae',
  'Uma',
  'Vik',
  'Wen',
  'Xia',
  'Yuna',
  'Zed',
];
export const LAST = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh', 'Seo', 'Shin', 'Kwon', 'Hwang'];
export const TAGS = ['cqrs', 'postgres', 'mongodb', 'nextjs', 'events', 'coffee', 'music', 'travel', 'news', 'sports'];
export const WORDS = [
  'the',
  'feed',
  'is',
  'fast',
  'today',
  'we',
  'shipped',
  'a',
  'new',
  'read',
  'model',
  'and',
  'it',
  'works',
  'nice',
  'weekend',
  'trip',
  'photo',
  'team',
  'lunch',
];
