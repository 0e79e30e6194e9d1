import type { Collection, Document } from 'mongodb';

const MAX_DOCS = 5000;
const MAX_BYTES = 8 * 1024 * 1024;

/** insertMany in slices bounded by count and size (FerretDB v1 is fast with inserts, not updates). */
export async function insertAll(collection: Collection<Document>, docs: Iterable<Document>): Promise<number> {
  let batch: Document[] = [];
  let bytes = 0;
  let written = 0;
  let inFlight: Promise<unknown> | null = null;
  const send = async () => {
    const docsToSend = batch;
    batch = [];
    bytes = 0;
    if (docsToSend.length === 0) return;
    // One slice in flight while the next one is collected and encoded.
    if (inFlight) await inFlight;
    inFlight = collection.insertMany(docsToSend, { ordered: false });
    written += docsToSend.length;
  };
  for (const doc of docs) {
    batch.push(doc);
    bytes += approxSize(doc);
    if (batch.length >= MAX_DOCS || bytes >= MAX_BYTES) await send();
  }
  await send();
  if (inFlight) await inFlight;
  return written;
}

/** Rough BSON size, enough to keep a slice under the 48 MB message limit. */
function approxSize(doc: Document): number {
  const length = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  return 200 + (length(doc.items) + length(doc.recent)) * 160;
}
