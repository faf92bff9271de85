// The presets: valid as they stand, safe in a URL, and each one that carries a paper's figures still
// reproduces them within the tolerance its description states (docs/PRESETS.md has the calibration).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, linkPagesPerSecond, pagesOf, simulate, validateScenario, type Scenario } from '../src/model/index.ts';
import { PRESETS, checkFigures, type FigureName, type PaperFigures, type Preset } from '../src/model/presets.ts';

const withFigures = PRESETS.filter((p): p is Preset & { expected: PaperFigures } => p.expected !== undefined);

/** The run's figures, with the slowdown against the same scenario at dirty rate 0. */
function figuresOf(s: Scenario) {
  const run = simulate(s);
  const idle = simulate({ ...s, dirtyRate: 0 });
  return { ...run, migrationTimeVsIdle: run.migrationTimeS / idle.migrationTimeS };
}

const PAPER_KEY = {
  iterations: 'iterations',
  downtime: 'downtimeS',
  migrationTime: 'migrationTimeS',
  migrationTimeVsIdle: 'migrationTimeVsIdle',
} as const satisfies Record<FigureName, keyof PaperFigures>;

const LABEL: Record<FigureName, string> = {
  iterations: 'iterations',
  downtime: 'downtime',
  migrationTime: 'migration time',
  migrationTimeVsIdle: 'ratio',
};

/** How a description words a tolerance: "iterations exact", "iterations ±1", "downtime ±5 %". */
function toleranceText(figure: FigureName, tolerance: number): string {
  if (figure === 'iterations') return tolerance === 0 ? 'iterations exact' : `iterations ±${tolerance}`;
  return `${LABEL[figure]} ±${Math.round(tolerance * 100)} %`;
}

function givenFigures(expected: PaperFigures): FigureName[] {
  return (Object.keys(PAPER_KEY) as FigureName[]).filter((f) => expected[PAPER_KEY[f]] !== undefined);
}

describe('preset list', () => {
  it('has the Akoush, Asterisk and MP4 presets', () => {
    const ids = PRESETS.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['akoush-100m', 'akoush-1g', 'akoush-10g', 'mp4-stream-100m', 'mp4-stream-100m-vcpu20']));
    expect(ids.filter((id) => id.startsWith('asterisk-idle-')).length).toBeGreaterThanOrEqual(2);
    expect(ids.filter((id) => id.startsWith('asterisk-active-')).length).toBeGreaterThanOrEqual(2);
  });

  it('has unique, URL-safe ids', () => {
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(encodeURIComponent(id)).toBe(id);
    }
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: its scenario passes validateScenario unchanged', (_, preset) => {
    const result = validateScenario(preset.scenario);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario).toEqual(preset.scenario);
    // Every field is spelled out, so the preset does not drift when a default changes.
    expect(Object.keys(preset.scenario).sort()).toEqual(Object.keys(DEFAULT_SCENARIO).sort());
  });

  it('has a title, a source and a description for every preset', () => {
    for (const p of PRESETS) {
      expect(p.title.trim()).not.toBe('');
      expect(p.source.trim()).not.toBe('');
      expect(p.description.length).toBeGreaterThan(40);
    }
  });
});

describe('paper figures', () => {
  it.each(withFigures.map((p) => [p.id, p] as const))('%s: every figure has a sane tolerance, stated in the description', (_, preset) => {
    const { expected } = preset;
    const figures = givenFigures(expected);
    expect(figures.length).toBeGreaterThan(0);
    const tested = preset.description.split('Tested to:')[1];
    expect(tested, 'the description states its tolerances after "Tested to:"').toBeDefined();
    for (const figure of figures) {
      const tolerance = expected.tolerance[figure];
      expect(tolerance, `${figure} needs a tolerance`).toBeDefined();
      expect(tolerance!).toBeGreaterThanOrEqual(0);
      if (figure === 'iterations') expect(Number.isInteger(tolerance)).toBe(true);
      else expect(tolerance!).toBeLessThanOrEqual(0.25);
      expect(tested).toContain(toleranceText(figure, tolerance!));
    }
    // No tolerance for a figure the paper does not give.
    for (const figure of Object.keys(expected.tolerance) as FigureName[]) expect(figures).toContain(figure);
  });

  it.each(withFigures.map((p) => [p.id, p] as const))('%s: the simulator reproduces the paper within tolerance', (_, preset) => {
    const { expected } = preset;
    const sim = figuresOf(preset.scenario);
    // Checked directly here, not only through checkFigures, so a bug there cannot hide a miss.
    if (expected.iterations !== undefined) {
      expect(Math.abs(sim.iterations - expected.iterations)).toBeLessThanOrEqual(expected.tolerance.iterations!);
    }
    const relative: [number | undefined, number, number | undefined][] = [
      [expected.downtimeS, sim.downtimeS, expected.tolerance.downtime],
      [expected.migrationTimeS, sim.migrationTimeS, expected.tolerance.migrationTime],
      [expected.migrationTimeVsIdle, sim.migrationTimeVsIdle, expected.tolerance.migrationTimeVsIdle],
    ];
    for (const [paper, simulated, tolerance] of relative) {
      if (paper === undefined) continue;
      expect(Math.abs(simulated - paper) / paper).toBeLessThanOrEqual(tolerance!);
    }
    expect(checkFigures(expected, sim).every((c) => c.ok)).toBe(true);
  });

  it.each(withFigures.map((p) => [p.id, p] as const))('%s: the figures pin the dirty rate (an idle VM misses them)', (_, preset) => {
    const checks = checkFigures(preset.expected, figuresOf({ ...preset.scenario, dirtyRate: 0 }));
    expect(checks.some((c) => !c.ok)).toBe(true);
  });
});

describe('calibration choices', () => {
  const asterisk = PRESETS.filter((p) => p.id.startsWith('asterisk-'));
  const idle = asterisk.filter((p) => p.id.startsWith('asterisk-idle-'));
  const active = asterisk.filter((p) => p.id.startsWith('asterisk-active-'));

  it('the Asterisk presets share one testbed calibration', () => {
    const one = <T>(values: T[]) => expect(new Set(values).size).toBe(1);
    one(asterisk.map((p) => `${p.scenario.preS}/${p.scenario.postS}/${p.scenario.pattern}`));
    one(idle.map((p) => `${p.scenario.dirtyRate}/${p.scenario.wssPages}`));
    one(active.map((p) => `${p.scenario.dirtyRate}/${p.scenario.wssPages}`));
    for (const p of idle) expect(p.scenario.wssPages).toBeNull();
    // The call load writes faster than either link sends (the paper's Fig. 6 and Section IV-C).
    for (const p of active) expect(p.scenario.dirtyRate).toBeGreaterThan(linkPagesPerSecond(p.scenario.linkMbps, p.scenario.pageBytes));
  });

  it('the Asterisk active presets end on the iteration cap with the whole hot set in the stop-and-copy', () => {
    for (const p of active) {
      const run = simulate(p.scenario);
      expect(run.stopReason).toBe('max-iterations');
      expect(run.perIteration.at(-1)!.pagesSent).toBeGreaterThan(0.98 * p.scenario.wssPages!);
    }
  });

  it('the Akoush Fig. 1 presets sit just past each link\'s knee', () => {
    for (const id of ['akoush-100m', 'akoush-1g', 'akoush-10g']) {
      const { scenario } = PRESETS.find((p) => p.id === id)!;
      const share = scenario.dirtyRate / linkPagesPerSecond(scenario.linkMbps, scenario.pageBytes);
      expect(share).toBeGreaterThan(0.65);
      expect(share).toBeLessThan(0.75);
      expect(pagesOf(scenario.vmMiB, scenario.pageBytes)).toBe(262_144);
      const run = simulate(scenario);
      expect(run.stopReason).toBe('max-data-factor');
      expect(run.downtimeS).toBeGreaterThan(scenario.postS * 1.1);
    }
  });

  it('the MP4 preset is the vCPU paper\'s VM and link without throttling', () => {
    const { scenario } = PRESETS.find((p) => p.id === 'mp4-stream-100m')!;
    expect(scenario.vmMiB).toBe(490.7);
    expect(scenario.linkMbps).toBe(94.2);
    // Unthrottled, the writer outpaces the link, as the paper says of its memory-intensive process.
    expect(scenario.dirtyRate).toBeGreaterThan(linkPagesPerSecond(scenario.linkMbps, scenario.pageBytes));
  });
});

describe('the vCPU-limit preset', () => {
  const base = PRESETS.find((p) => p.id === 'mp4-stream-100m')!;
  const limited = PRESETS.find((p) => p.id === 'mp4-stream-100m-vcpu20')!;
  const run = simulate(limited.scenario);
  const unlimited = simulate({ ...limited.scenario, vcpuLimit: 1 });
  const cut = 1 - run.migrationTimeS / unlimited.migrationTimeS;

  it('is the MP4 preset with the writer held to 20 % of a vCPU', () => {
    expect(limited.scenario).toEqual({ ...base.scenario, vcpuLimit: 0.2 });
  });

  it('cuts the migration time by tens of percent, as the paper found (40 %), and says how far the model gets', () => {
    expect(cut).toBeGreaterThan(0.25);
    expect(cut).toBeLessThan(0.4);
    expect(limited.description).toContain(`${run.migrationTimeS.toFixed(1)} s against ${unlimited.migrationTimeS.toFixed(1)} s`);
    expect(limited.description).toContain(`${Math.round(cut * 100)} % shorter`);
    expect(limited.description).toContain(`${run.guestCpuLostS!.toFixed(1)} s of CPU`);
    expect(limited.description).toContain('40 %');
  });

  it('cannot show the paper\'s small rise in downtime, and says so', () => {
    // The model's downtime falls under the limit: a slower writer leaves less for the last round.
    expect(run.downtimeS).toBeLessThan(unlimited.downtimeS);
    expect(limited.description).toContain(`from ${Math.round(unlimited.downtimeS * 1000)} to ${Math.round(run.downtimeS * 1000)} ms`);
    expect(limited.description).toContain('cannot raise downtime');
  });
});

describe('checkFigures', () => {
  const sim = { iterations: 30, downtimeS: 0.62, migrationTimeS: 20 };

  it('reports signed errors: absolute for iterations, relative otherwise', () => {
    const checks = checkFigures(
      { iterations: 29, downtimeS: 0.6, migrationTimeS: 25, tolerance: { iterations: 1, downtime: 0.05, migrationTime: 0.1 } },
      sim,
    );
    expect(checks.map((c) => c.figure)).toEqual(['iterations', 'downtime', 'migrationTime']);
    expect(checks[0]).toMatchObject({ error: 1, ok: true });
    expect(checks[1].error).toBeCloseTo(1 / 30, 10);
    expect(checks[1].ok).toBe(true);
    expect(checks[2].error).toBeCloseTo(-0.2, 10);
    expect(checks[2].ok).toBe(false);
  });

  it('holds a figure without a tolerance to an exact match', () => {
    expect(checkFigures({ iterations: 29, tolerance: {} }, sim)[0].ok).toBe(false);
    expect(checkFigures({ iterations: 30, tolerance: {} }, sim)[0].ok).toBe(true);
  });

  it('fails a figure the run does not supply', () => {
    const [check] = checkFigures({ migrationTimeVsIdle: 1.5, tolerance: { migrationTimeVsIdle: 0.5 } }, sim);
    expect(check.ok).toBe(false);
  });
});

describe('in-memory database presets', () => {
  const db = PRESETS.filter((p) => p.id.startsWith('inmem-db-'));

  it('a 1.5 TiB VM on 25 Gbit/s and a 12 TiB VM on 100 Gbit/s, at 93.5 % goodput', () => {
    expect(db.map((p) => [p.scenario.vmMiB / 1_048_576, p.scenario.linkMbps])).toEqual([
      [1.5, 23_375],
      [12, 93_500],
    ]);
    // QEMU's bandwidth cap must not be what decides: it sits above the link.
    for (const p of db) expect((p.scenario.maxBandwidthMiBps * 1_048_576 * 8) / 1e6).toBeGreaterThan(p.scenario.linkMbps);
  });

  it('the full-copy time each description gives is the VM over the link, to the stated precision', () => {
    const minutes = (s: Scenario) => pagesOf(s.vmMiB, s.pageBytes) / linkPagesPerSecond(s.linkMbps, s.pageBytes) / 60;
    expect(db[0].description).toContain(`about ${minutes(db[0].scenario).toFixed(1)} minutes`);
    expect(db[1].description).toContain(`about ${Math.round(minutes(db[1].scenario))} minutes`);
  });
});
