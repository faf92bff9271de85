// The player's start from a link or a lesson: applied once the run has loaded, clamped to its stops.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../model/index.ts';
import type { EventsSummary } from './replayBridge.ts';
import { createTeachStore } from './teachStore.ts';

function summary(events: number, iterationStops: number[]): EventsSummary {
  return {
    pages: 16,
    policy: 'xen',
    events,
    atS: Float64Array.from({ length: events }, (_, i) => i / 10),
    iteration: Int32Array.from({ length: events }, (_, i) => Math.floor(i / 4)),
    batchNo: new Int32Array(events),
    batchesOf: new Int32Array(events),
    stops: { batch: Int32Array.from({ length: events }, (_, i) => i), iteration: Int32Array.from(iterationStops) },
    run: { migrationTimeS: 1, downtimeS: 0.1, iterations: 3 },
    scenario: DEFAULT_SCENARIO,
    traceId: null,
    pagesPerSecond: 1000,
  };
}

describe('teachStore.requestStart', () => {
  it('waits for the run, then moves to the stop and applies speed, granularity and autoplay', () => {
    const t = createTeachStore();
    t.getState().reset('loading');
    t.getState().requestStart({ step: 3, granularity: 'iteration', speed: 2, autoplay: true });
    expect(t.getState()).toMatchObject({ granularity: 'iteration', speed: 2, position: 0, playing: false });
    t.getState().loaded(summary(12, [0, 3, 7, 11]));
    expect(t.getState()).toMatchObject({ position: 7, iteration: 1, playing: true, pendingStart: null });
  });

  it('applies at once when a run is loaded, and clamps a step past the end to the last stop', () => {
    const t = createTeachStore();
    t.getState().loaded(summary(12, [0, 3, 7, 11]));
    t.getState().requestStart({ step: 99, granularity: 'iteration' });
    expect(t.getState().position).toBe(11);
    t.getState().requestStart({ step: null });
    expect(t.getState().position).toBe(0);
  });

  it('is used once: a later run starts at the beginning', () => {
    const t = createTeachStore();
    t.getState().requestStart({ step: 5 });
    t.getState().loaded(summary(12, [0, 3, 7, 11]));
    expect(t.getState().position).toBe(4);
    t.getState().reset('loading');
    t.getState().loaded(summary(12, [0, 3, 7, 11]));
    expect(t.getState().position).toBe(0);
  });
});
