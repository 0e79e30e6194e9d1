import { invalid } from '@/server/cqrs/errors';

/** Keyset cursor: the (startsAt, id) of the last item, opaque to clients. */
export interface PageCursor {
  startsAt: Date;
  id: string;
}

export const encodeCursor = (c: PageCursor) => Buffer.from(JSON.stringify([c.startsAt.toISOString(), c.id])).toString('base64url');

export function decodeCursor(raw: string): PageCursor {
  try {
    const [startsAt, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(startsAt);
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('bad cursor');
    return { startsAt: date, id };
  } catch {
    throw invalid([{ path: 'cursor', message: 'is not a cursor this API issued' }]);
  }
}
