import { afterEach, describe, expect, it } from 'vitest';
import { markCompare, markInput, measureCompare, measureShown } from './timing.ts';

const measures = (name: string) => performance.getEntriesByName(name, 'measure') as PerformanceMeasure[];

afterEach(() => {
  performance.clearMeasures();
  performance.clearMarks();
});

describe('User Timing', () => {
  it('measures every change up to the shown one, once, and keeps the newer pending', () => {
    markInput(1);
    markInput(2);
    markInput(3);
    measureShown('update', 2);
    expect(measures('update').map((m) => (m.detail as { seq: number }).seq)).toEqual([1, 2]);
    measureShown('update', 2);
    expect(measures('update')).toHaveLength(2);
    measureShown('update', 3);
    expect(measures('update')).toHaveLength(3);
    // Marks live until both measures are taken.
    expect(performance.getEntriesByName('input:3', 'mark')).toHaveLength(1);
    measureShown('curves', 3);
    expect(performance.getEntriesByName('input:3', 'mark')).toHaveLength(0);
  });

  it('measures each compared-policy toggle once, a superseded one to the newer curves', () => {
    markCompare();
    markCompare();
    expect(measures('compare')).toHaveLength(0);
    measureCompare();
    expect(measures('compare')).toHaveLength(2);
    expect(measures('compare').every((m) => m.duration >= 0)).toBe(true);
    measureCompare();
    expect(measures('compare')).toHaveLength(2);
    expect(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('compare:'))).toHaveLength(0);
  });
});
