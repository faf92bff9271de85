import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../model/index.ts';
import { replayApi } from '../../workers/replay.worker.ts';
import { playerPosition, positionText } from './playerPosition.ts';

describe('the player position in iterations with nested batches', () => {
  it('reads the iteration and the batch within it', () => {
    // Events: pre-migration, 3 batches of iteration 1, a clean, 2 batches of iteration 2 (the last).
    const summary = {
      iteration: Int32Array.from([0, 1, 1, 1, 1, 2, 2]),
      batchNo: Int32Array.from([0, 1, 2, 3, 0, 1, 2]),
      batchesOf: Int32Array.from([0, 3, 3, 3, 0, 2, 2]),
      run: { migrationTimeS: 1, downtimeS: 0.1, iterations: 2 },
    };
    expect(positionText(playerPosition(summary, 0))).toBe('Before iteration 1 of 2');
    expect(positionText(playerPosition(summary, 2))).toBe('Iteration 1 of 2 · batch 2 of 3');
    expect(positionText(playerPosition(summary, 4))).toBe('Iteration 1 of 2');
    expect(positionText(playerPosition(summary, 6))).toBe('Iteration 2 of 2 · batch 2 of 2');
    expect(positionText(playerPosition(summary, 99))).toBe('Iteration 2 of 2 · batch 2 of 2');
  });

  it('an idle 1 GiB VM over 1 Gbps: 3 iterations, the first sends all 262,144 pages in 256 batches of 1,024', () => {
    const r = replayApi.load({ ...DEFAULT_SCENARIO, dirtyRate: 0 });
    if (!r.ok) throw new Error(r.message);
    const s = r.summary;
    expect(s.run.iterations).toBe(3);
    const firstBatch = s.batchNo.indexOf(1);
    expect(positionText(playerPosition(s, firstBatch))).toBe('Iteration 1 of 3 · batch 1 of 256');
  });
});
