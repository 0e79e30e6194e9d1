import { describe, expect, it } from 'vitest';
import type { OpsConsumerDoc, OpsQueueDoc } from '@/server/ops/ops-docs';
import { type OpsReading, slotOf, toSample } from './ops-sample';

const at = new Date('2030-01-01T10:20:35Z');
const consumer = (name: string, kind: 'projection' | 'reaction', lagMs: number, updatedAt = at): OpsConsumerDoc => ({
  _id: name,
  kind,
  queue: `projections.${name.split('.')[0]}`,
  checkpoint: 'x',
  lagEvents: lagMs / 10,
  lagMs,
  applied: 0,
  lastError: null,
  lastErrorAt: null,
  updatedAt,
});
const queue = (name: string, queued: number, deadLetters: number, updatedAt = at): OpsQueueDoc => ({
  _id: name,
  queued,
  active: 1,
  retrying: 2,
  deadLetters,
  updatedAt,
});
const reading = (over: Partial<OpsReading> = {}): OpsReading => ({
  at,
  head: 500,
  consumers: [consumer('social.feed', 'projection', 40), consumer('events.catalog', 'projection', 20), consumer('events.audit', 'reaction', 90)],
  queues: [queue('projections.social', 3, 1), queue('projections.events', 0, 0)],
  ...over,
});

describe('ops samples', () => {
  it('files each instant in its 10-second slot of the hour, so an hour later the same slot is overwritten', () => {
    expect(slotOf(new Date('2030-01-01T10:00:00Z'))).toBe('0');
    expect(slotOf(at)).toBe(String(20 * 6 + 3));
    expect(slotOf(new Date('2030-01-01T10:59:59.999Z'))).toBe('359');
    expect(slotOf(new Date('2030-01-01T11:20:35Z'))).toBe(slotOf(at));
  });

  it('keeps projection lag and queue depth (queued + active + retrying) and dead letters, by name', () => {
    const sample = toSample(reading(), null);
    expect(sample).toEqual({
      _id: slotOf(at),
      at,
      eventsPerSecond: null,
      projections: [
        { name: 'events.catalog', lagMs: 20, lagEvents: 2 },
        { name: 'social.feed', lagMs: 40, lagEvents: 4 },
      ],
      queues: [
        { name: 'projections.events', depth: 3, deadLetters: 0 },
        { name: 'projections.social', depth: 6, deadLetters: 1 },
      ],
    });
  });

  it('derives events per second from the head’s advance since the previous reading', () => {
    const previous = { at: new Date(at.getTime() - 10_000), head: 380 };
    expect(toSample(reading(), previous).eventsPerSecond).toBe(12);
    expect(toSample(reading({ head: 100 }), previous).eventsPerSecond).toBe(0);
    expect(toSample(reading(), { at, head: 0 }).eventsPerSecond).toBeNull();
  });

  it('leaves out consumers and queues nobody reported in the last minute (a stopped worker’s)', () => {
    const old = new Date(at.getTime() - 61_000);
    const sample = toSample(reading({ consumers: [consumer('gone.model', 'projection', 5, old)], queues: [queue('projections.gone', 1, 0, old)] }), null);
    expect(sample.projections).toEqual([]);
    expect(sample.queues).toEqual([]);
  });
});
