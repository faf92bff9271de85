// The validation view's data: Table I within 0.5 %, the presets within their own tolerances, the
// Fig. 1 traits present, and the one known disagreement (downtime under a vCPU limit) marked.
import { describe, expect, it } from 'vitest';
import { AKOUSH_TABLE_I, TABLE_I_TOLERANCE, fig1Traits, presetRows, tableIRows, vcpuRows } from '../../src/model/validation.ts';
import { DEFAULT_SCENARIO, LINK_PRESETS, bounds } from '../../src/model/index.ts';
import { PRESETS } from '../../src/model/presets.ts';

describe('Akoush Table I rows', () => {
  const rows = tableIRows();
  it('has four columns for each of the three links', () => {
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.id)).size).toBe(12);
  });
  it.each(rows.map((r) => [r.id, r] as const))('%s is within 0.5 % of the paper', (_id, r) => {
    expect(Math.abs((r.simulated - r.paper) / r.paper)).toBeLessThanOrEqual(TABLE_I_TOLERANCE);
    expect(r.ok).toBe(true);
  });
  it('carries the paper\'s figures and the simulator\'s own bound', () => {
    const g = rows.find((r) => r.id === 'table1-1G-mt-upper')!;
    expect(g.paper).toBe(AKOUSH_TABLE_I['1G'].mtUpper);
    expect(g.simulated).toBe(bounds({ ...DEFAULT_SCENARIO, linkMbps: LINK_PRESETS[1].goodputMbps }).migrationTimeS.upper);
  });
  it('marks a row beyond tolerance: a 10 % longer pre-overhead moves the lower bounds out', () => {
    const moved = tableIRows({ ...DEFAULT_SCENARIO, preS: 4.5 });
    expect(moved.find((r) => r.id === 'table1-10G-mt-lower')!.ok).toBe(false);
  });
});

describe('Fig. 1 traits', () => {
  it('every trait holds, and the knee sits near 0.7 of each link\'s page rate', () => {
    const traits = fig1Traits();
    for (const t of traits) expect(t.ok, `${t.id}: ${t.observed}`).toBe(true);
    for (const id of ['100M', '1G', '10G']) expect(traits.find((t) => t.id === `fig1-knee-${id}`)!.observed).toMatch(/0\.[67]\d of/);
  });
});

describe('preset rows (Asterisk Tables 1–3, MP4 VM)', () => {
  const rows = presetRows();
  it('one row per figure of every preset with figures, all within their tolerance', () => {
    const figures = PRESETS.filter((p) => p.expected).reduce(
      (n, p) => n + ['iterations', 'downtimeS', 'migrationTimeS', 'migrationTimeVsIdle'].filter((k) => k in p.expected!).length,
      0,
    );
    expect(rows).toHaveLength(figures);
    for (const r of rows) expect(r.ok, `${r.id}: ${r.simulated} vs ${r.paper}`).toBe(true);
  });
  it('downtime rows are in ms: the 100 Mbps active VM at 2350 ms', () => {
    const r = rows.find((x) => x.id === 'preset-asterisk-active-100m-1024-downtime')!;
    expect(r.unit).toBe('ms');
    expect(r.paper).toBe(2350);
    expect(r.simulated).toBeGreaterThan(2300);
  });
});

describe('vCPU-limit finding', () => {
  const [saved, downtime] = vcpuRows();
  it('time saved within 10 points of the paper\'s 40 %', () => {
    expect(saved.simulated).toBeGreaterThan(30);
    expect(saved.ok).toBe(true);
  });
  it('the downtime rise is not reproduced and is marked so', () => {
    expect(downtime.simulated).toBeLessThan(0);
    expect(downtime.ok).toBe(false);
  });
});
