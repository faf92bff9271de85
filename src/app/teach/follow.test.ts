import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, validateScenario } from '../../model/index.ts';
import { replayMatches, sameScenario } from './follow.ts';

describe('charts follow the player only for the shown run', () => {
  const s = { ...DEFAULT_SCENARIO, dirtyRate: 12_345 };
  const v = validateScenario(s);
  if (!v.ok) throw new Error('invalid');
  const copy = v.scenario;

  it('compares scenarios field by field', () => {
    expect(copy).not.toBe(s);
    expect(sameScenario(copy, s)).toBe(true);
    expect(sameScenario({ ...s, dirtyRate: 12_346 }, s)).toBe(false);
    expect(sameScenario({ ...s, policy: 'qemu' }, s)).toBe(false);
  });

  it('needs a loaded replay of the same scenario and the same trace', () => {
    expect(replayMatches({ scenario: copy, traceId: null }, s, null)).toBe(true);
    expect(replayMatches(null, s, null)).toBe(false);
    expect(replayMatches({ scenario: copy, traceId: 'nfs-rising' }, s, null)).toBe(false);
    expect(replayMatches({ scenario: copy, traceId: null }, s, 'nfs-rising')).toBe(false);
    expect(replayMatches({ scenario: copy, traceId: 'nfs-rising' }, s, 'nfs-rising')).toBe(true);
    expect(replayMatches({ scenario: { ...copy, vmMiB: 512 }, traceId: null }, s, null)).toBe(false);
  });
});
