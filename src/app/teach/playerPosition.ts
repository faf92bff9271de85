// Where the player is, in a lesson's terms: "Iteration 3 of 9 · batch 2 of 40" (batches nested in
// their iteration), so "step through the iterations" matches the buttons. The iteration count is the
// run's, which includes the stop-and-copy (docs/TEACHING.md).
import { count } from './narrate.ts';
import type { EventsSummary } from './replayBridge.ts';

export interface PlayerPosition {
  /** 0 before the first iteration. */
  iteration: number;
  iterations: number;
  /** 1-based within the iteration's batches; null where the event is not a batch. */
  batch: number | null;
  batches: number | null;
}

export function playerPosition(summary: Pick<EventsSummary, 'iteration' | 'batchNo' | 'batchesOf' | 'run'>, position: number): PlayerPosition {
  const p = Math.min(Math.max(0, position), summary.iteration.length - 1);
  const b = summary.batchNo[p] ?? 0;
  return { iteration: summary.iteration[p] ?? 0, iterations: summary.run.iterations, batch: b > 0 ? b : null, batches: b > 0 ? summary.batchesOf[p] : null };
}

export function positionText(pos: PlayerPosition): string {
  const total = count(pos.iterations);
  const head = pos.iteration === 0 ? `Before iteration 1 of ${total}` : `Iteration ${count(pos.iteration)} of ${total}`;
  return pos.batch === null ? head : `${head} · batch ${count(pos.batch)} of ${count(pos.batches ?? pos.batch)}`;
}
