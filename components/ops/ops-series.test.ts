import { describe, expect, it } from 'vitest';
import { deadLetterSeries, eventsPerSecondSeries, lagSeries } from './ops-series';

const point = (at: string, projections: Array<[string, number]>, queues: Array<[string, number, number]> = [], eps: number | null = 1) => ({
  at,
  eventsPerSecond: eps,
  projections: projections.map(([name, lagMs]) => ({ name, lagMs, lagEvents: 0 })),
  queues: queues.map(([name, depth, deadLetters]) => ({ name, depth, deadLetters })),
});

describe('ops series', () => {
  it('keys each projector apart from its dotted name, and leaves a gap where a sample lacks it', () => {
    const { series, rows } = lagSeries([
      point('t1', [['events.catalog', 12]]),
      point('t2', [
        ['events.catalog', 8],
        ['social.feed', 30],
      ]),
    ]);
    expect(series).toEqual([
      { key: 's0', label: 'events.catalog' },
      { key: 's1', label: 'social.feed' },
    ]);
    expect(rows).toEqual([
      { at: 't1', s0: 12, s1: null },
      { at: 't2', s0: 8, s1: 30 },
    ]);
  });

  it('reads dead letters per queue and events per second as they are', () => {
    expect(deadLetterSeries([point('t1', [], [['events', 3, 2]])]).rows).toEqual([{ at: 't1', s0: 2 }]);
    expect(eventsPerSecondSeries([point('t1', [], [], null)]).rows).toEqual([{ at: 't1', eps: null }]);
  });
});
