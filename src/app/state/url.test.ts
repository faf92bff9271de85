import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, FIELDS, validateScenario, type Field, type Scenario } from '../../model/index.ts';
import { PRESETS } from '../../model/presets.ts';
import { fitWorkingSet, uiRange } from './ranges.ts';
import { MAX_QUERY_CHARS, decodeUrl, encodeScenario, encodeState, presetQuery } from './url.ts';
import { NO_CLASSROOM } from './classroom.ts';

function withinUi(s: Scenario): boolean {
  const values = s as unknown as Record<string, unknown>;
  return FIELDS.every((f) => {
    const v = values[f.key];
    if (f.kind === 'choice') return f.options.includes(v as string);
    if (f.kind === 'flag') return typeof v === 'boolean';
    if (v === null) return !!f.nullable;
    const { min, max } = uiRange(f);
    return typeof v === 'number' && v >= min && v <= max;
  });
}

/** Any value a control can set for a field, from the same table the URL reader uses. */
function fieldArb(f: Field): fc.Arbitrary<unknown> {
  if (f.kind === 'choice') return fc.constantFrom(...f.options);
  if (f.kind === 'flag') return fc.boolean();
  const { min, max } = uiRange(f);
  let arb: fc.Arbitrary<number>;
  if (f.powerOfTwo) arb = fc.integer({ min: Math.log2(min), max: Math.log2(max) }).map((e) => 2 ** e);
  else if (f.integer) arb = fc.integer({ min, max: Math.min(max, 2 ** 31) });
  else arb = fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0));
  return f.nullable ? fc.option(arb, { nil: null }) : arb;
}

/** Scenarios the controls can produce: every field inside its UI range and form. */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record(Object.fromEntries(FIELDS.map((f) => [f.key, fieldArb(f)])) as Record<string, fc.Arbitrary<unknown>>)
  .map((r) => fitWorkingSet(r as unknown as Scenario))
  .filter((s) => validateScenario(s).ok);

describe('URL encoding', () => {
  it('round-trips any scenario the controls can make, exactly and without notices', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const d = decodeUrl(`?${encodeScenario(s)}`);
        expect(d.scenario).toEqual(s);
        expect(d.ignored).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('decodes any string to a valid scenario inside the controls’ ranges, never throwing', () => {
    const junk = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(fc.tuple(fc.constantFrom(...FIELDS.map((f) => f.flag), 'v', 'preset', 'x'), fc.string({ maxLength: 30 })), { maxLength: 20 }).map(
        (pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'),
      ),
    );
    fc.assert(
      fc.property(junk, fc.string({ maxLength: 50 }), (search, hash) => {
        const d = decodeUrl(search, hash);
        expect(validateScenario(d.scenario).ok).toBe(true);
        expect(withinUi(d.scenario)).toBe(true);
        expect(d.ignored.length).toBeLessThanOrEqual(8);
        for (const note of d.ignored) expect(note.length).toBeLessThan(200);
      }),
      { numRuns: 1000 },
    );
  });

  it('opens a clean link with the defaults and no notice', () => {
    expect(decodeUrl('')).toEqual({ scenario: DEFAULT_SCENARIO, presetId: null, ignored: [], hadState: false, trace: null, compare: [], pins: [], overlays: [], classroom: NO_CLASSROOM });
  });

  it('reads a shipped trace and the compared policies, and reports anything else', () => {
    const d = decodeUrl('?trace=nfs-rising&compare=postcopy,qemu&rate=5');
    expect(d).toMatchObject({ trace: 'nfs-rising', compare: ['qemu', 'postcopy'], ignored: [] });
    expect(d.scenario.dirtyRate).toBe(5);
    const bad = decodeUrl('?trace=%3Cscript%3E&compare=qemu,nope');
    expect(bad.trace).toBeNull();
    expect(bad.compare).toEqual(['qemu']);
    expect(bad.ignored).toHaveLength(2);
    expect(bad.ignored[0]).toMatch(/^trace: "<script>" is not one of nfs-rising, mapreduce-phases/);
    expect(bad.ignored[1]).toMatch(/^compare: "nope"/);
  });

  it('writes the trace and the compared policies beside the scenario, and reads them back', () => {
    const s = { ...DEFAULT_SCENARIO, policy: 'postcopy' as const, traceStartS: 120 };
    const query = encodeState(s, { trace: 'mapreduce-phases', compare: ['hybrid', 'xen'] });
    expect(query).toContain('trace=mapreduce-phases');
    expect(query).toContain('compare=xen%2Chybrid');
    expect(query).toContain('policy=postcopy');
    expect(decodeUrl(`?${query}`)).toMatchObject({ scenario: s, trace: 'mapreduce-phases', compare: ['xen', 'hybrid'], ignored: [] });
    expect(encodeState(s, { trace: null, compare: [] })).toBe(encodeScenario(s));
  });

  it('opens a link from before the policies and traces unchanged', () => {
    // Every field of the first URL format, as written then: the new fields take their defaults.
    const old = 'v=1&vm=2048&link=94.2&rate=3000&pattern=hotcold&wss=all&hot-fraction=0.1&hot-share=0.9&seed=1&pre=3.78&post=0.314&page=4096&policy=xen&max-iterations=29&min-dirty-pages=50&max-factor=3';
    const d = decodeUrl(`?${old}`);
    expect(d.ignored).toEqual([]);
    expect(d.scenario).toEqual({ ...DEFAULT_SCENARIO, vmMiB: 2048, linkMbps: 94.2, dirtyRate: 3000, pattern: 'hotcold' });
  });

  it.each([
    ['?v=1&rate=NaN', 'rate'],
    ['?rate=1e309', 'rate'],
    ['?link=%3Cscript%3Ealert(1)%3C/script%3E', 'link'],
    ['?rate=0x10', 'rate'],
    ['?rate=', 'rate'],
    ['?pattern=__proto__', 'pattern'],
    ['?auto-converge=yes', 'auto-converge'],
  ])('falls back to the default for %s', (search, flag) => {
    const d = decodeUrl(search);
    expect(d.scenario).toEqual(DEFAULT_SCENARIO);
    expect(d.ignored).toHaveLength(1);
    expect(d.ignored[0].startsWith(`${flag}:`)).toBe(true);
  });

  it('clamps out-of-range numbers and keeps the valid parts', () => {
    const d = decodeUrl('?vm=-5&rate=5000&link=1e9&page=5000&max-iterations=2.6');
    expect(d.scenario).toMatchObject({ vmMiB: 64, dirtyRate: 5000, linkMbps: 100_000, pageBytes: 4096, maxIterations: 3 });
    expect(d.ignored).toHaveLength(4);
  });

  it('lists unknown keys, the hash and a wrong version, truncated', () => {
    const d = decodeUrl(`?v=7&${'a'.repeat(100)}=1&__proto__=x&rate=100`, '#garbage');
    expect(d.scenario.dirtyRate).toBe(100);
    expect(d.ignored.join(' ')).toMatch(/unknown settings/);
    expect(d.ignored.join(' ')).toMatch(/#/);
    expect(d.ignored.join(' ')).toMatch(/version "7"/);
    expect(d.ignored.every((n) => n.length < 200)).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(d.scenario, '__proto__')).toBe(false);
  });

  it('reads at most a few kB of a very long link', () => {
    const d = decodeUrl(`?rate=2000&${'junk&'.repeat(2000)}`);
    expect(d.scenario.dirtyRate).toBe(2000);
    expect(d.ignored.length).toBeGreaterThan(0);
  });

  it('never reads a value cut short by the length limit', () => {
    // The limit falls inside "vm=2048": read as "vm=2" it would silently give a 64 MiB VM.
    const query = `rate=5000&junk=${'x'.repeat(MAX_QUERY_CHARS - 20)}&vm=2048`;
    expect(query.slice(0, MAX_QUERY_CHARS).endsWith('&vm=2')).toBe(true);
    const cut = decodeUrl(`?${query}`);
    expect(cut.scenario.dirtyRate).toBe(5000);
    expect(cut.scenario.vmMiB).toBe(DEFAULT_SCENARIO.vmMiB);
    expect(cut.ignored[0]).toMatch(/only the first 8,000 were read/);
    expect(cut.ignored.some((n) => n.startsWith('vm:'))).toBe(false);
  });

  it('keeps a working set inside the VM', () => {
    const d = decodeUrl('?vm=64&wss=1000000');
    expect(d.scenario.wssPages).toBe(16_384);
    expect(d.ignored).toHaveLength(1);
  });

  it('expands every preset, and lets explicit keys override it', () => {
    for (const p of PRESETS) {
      const d = decodeUrl(`?${presetQuery(p.id)}`);
      expect(d.presetId).toBe(p.id);
      expect(d.ignored).toEqual([]);
      expect(d.scenario).toEqual(p.scenario);
    }
    const d = decodeUrl(`?preset=${PRESETS[0].id}&rate=7`);
    expect(d.scenario).toEqual({ ...PRESETS[0].scenario, dirtyRate: 7 });
    expect(decodeUrl('?preset=nope').ignored).toHaveLength(1);
  });
});
