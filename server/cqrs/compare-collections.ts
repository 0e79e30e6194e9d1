import { isDeepStrictEqual } from 'node:util';
import type { Collection } from 'mongodb';

export interface CollectionDiff {
  onlyInA: string[];
  onlyInB: string[];
  different: string[];
  compared: number;
  /** Total number of differing ids (the lists hold a sample). */
  total: number;
}

const SAMPLE = 20;

/** Compares two collections document by document (by _id); lists a sample of each kind of difference. */
export async function compareCollections(a: Collection, b: Collection): Promise<CollectionDiff> {
  const [docsA, docsB] = await Promise.all([a.find().toArray(), b.find().toArray()]);
  const byId = new Map(docsB.map((d) => [String(d._id), d]));
  const diff: CollectionDiff = { onlyInA: [], onlyInB: [], different: [], compared: docsA.length, total: 0 };
  for (const doc of docsA) {
    const id = String(doc._id);
    const other = byId.get(id);
    byId.delete(id);
    if (!other) diff.onlyInA.push(id);
    else if (!isDeepStrictEqual(normalize(doc), normalize(other))) diff.different.push(id);
  }
  diff.onlyInB.push(...byId.keys());
  diff.total = diff.onlyInA.length + diff.onlyInB.length + diff.different.length;
  for (const list of [diff.onlyInA, diff.onlyInB, diff.different]) list.splice(SAMPLE);
  return diff;
}

/** Field order is not meaning: compare documents with sorted keys. */
function normalize(value: unknown): unknown {
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(normalize);
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, normalize((value as Record<string, unknown>)[k])]),
  );
}

export const isSame = (d: CollectionDiff) => d.total === 0;
