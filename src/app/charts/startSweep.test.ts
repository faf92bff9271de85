import { describe, expect, it } from 'vitest';
import { extremeText, nearestStart, startDomain, startRange, startSummary, type StartPoint, type StartSeries } from './startSweep.ts';

const p = (startS: number, migrationTimeS: number, downtimeS: number): StartPoint => ({ startS, migrationTimeS, downtimeS, iterations: 5, pagesSent: 1 });
const points = [p(0, 14.2, 0.4), p(10, 20, 0.314), p(20, 48.1, 9.5), p(30, 48.1, 0.314)];
const series: StartSeries[] = [
  { id: 'a', policy: 'xen', label: 'Xen 3.x (Akoush)', current: true, points },
  { id: 'b', policy: 'qemu', label: 'QEMU/KVM', current: false, points: [p(0, 10, 50)] },
];

describe('start-time sweep', () => {
  it('finds min, max (the earliest start on a tie) and mean, as in Table IV', () => {
    const range = startRange(points)!;
    expect(range.migrationTimeS.min).toEqual({ value: 14.2, atS: 0 });
    expect(range.migrationTimeS.max).toEqual({ value: 48.1, atS: 20 });
    expect(range.downtimeS.min).toEqual({ value: 0.314, atS: 10 });
    expect(range.migrationTimeS.mean).toBeCloseTo((14.2 + 20 + 48.1 + 48.1) / 4, 12);
    expect(startRange([])).toBeNull();
    expect(extremeText(range.migrationTimeS.max)).toBe('48.1 s (start 20.0 s)');
  });

  it('snaps to the nearest start and spans every series in the y domain', () => {
    expect(nearestStart(points, 14)).toBe(1);
    expect(nearestStart(points, 16)).toBe(2);
    expect(nearestStart(points, -5)).toBe(0);
    expect(nearestStart(points, 99)).toBe(3);
    expect(nearestStart([], 1)).toBe(-1);
    expect(startDomain(series, 'downtimeS', null)).toEqual([0, 50]);
    expect(startDomain(series, 'migrationTimeS', 60)).toEqual([0, 60]);
    expect(startDomain([], 'downtimeS', null)).toEqual([0, 0.001]);
  });

  it('summarises the chart for screen readers', () => {
    const text = startSummary(series, 30);
    expect(text).toContain('for Xen 3.x (Akoush) compared with QEMU/KVM');
    expect(text).toContain('Migration time from 14.2 s (start 0 s) to 48.1 s (start 20.0 s)');
  });
});
