import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, FIELDS } from '../../model/index.ts';
import { PRESETS } from '../../model/presets.ts';
import { cleanName, decodePins, encodePin, freeColour, MAX_PINS, type Pin } from './pins.ts';
import { createAppStore } from './store.ts';
import { clampScenario, decodeUrl, encodeState } from './url.ts';

const pin = (name: string, colour: number, scenario = DEFAULT_SCENARIO): Pin => ({ id: name, name, colour, scenario });

describe('pins in the link', () => {
  it('keep the order of FIELDS, which the positional format relies on (append new fields at the end)', () => {
    expect(FIELDS.map((f) => f.flag)).toEqual([
      'vm', 'link', 'rate', 'pattern', 'wss', 'hot-fraction', 'hot-share', 'seed', 'pre', 'post', 'page', 'policy',
      'max-iterations', 'min-dirty-pages', 'max-factor', 'downtime-limit', 'max-bandwidth', 'auto-converge', 'timeout',
      'vcpu-limit', 'zero-fraction', 'compression-ratio', 'compress-mbps', 'start', 'writer-cpu',
    ]);
  });

  it('round-trip every preset with its name and colour, in order, through a whole link', () => {
    const pins = PRESETS.slice(0, MAX_PINS).map((p, i) => pin(`${p.id} №${i}`, (i * 5) % 6, clampScenario(p.scenario)));
    const query = encodeState(DEFAULT_SCENARIO, { trace: null, compare: [], pins });
    expect(query.length).toBeLessThan(3000);
    const back = decodeUrl(`?${query}`);
    expect(back.ignored).toEqual([]);
    expect(back.pins.map(({ name, colour, scenario }) => ({ name, colour, scenario }))).toEqual(pins.map(({ name, colour, scenario }) => ({ name, colour, scenario })));
  });

  it('round-trip six pins with the longest names and values a link can carry', () => {
    const odd = { ...DEFAULT_SCENARIO, dirtyRate: 123456.789, hotFraction: 0.123456789, hotShare: 0.987654321, preS: 3.7812345, postS: 0.3141592 };
    const pins = Array.from({ length: MAX_PINS }, (_, i) => pin(cleanName('🚀'.repeat(40), 'X') + i, i, odd)).map((p) => ({ ...p, name: cleanName(p.name, 'X') }));
    const query = encodeState({ ...odd, vmMiB: 1048576 }, { trace: 'nfs-rising', compare: ['qemu', 'postcopy'], pins });
    const back = decodeUrl(`?${query}`);
    expect(back.ignored).toEqual([]);
    expect(back.pins.map((p) => [p.name, p.scenario])).toEqual(pins.map((p) => [p.name, p.scenario]));
  });

  it('read a link written before a field existed: missing trailing values take their defaults', () => {
    const full = encodePin(pin('old', 2, { ...DEFAULT_SCENARIO, vmMiB: 2048, traceStartS: 0 }));
    const shorter = full.split('_').slice(0, -3).join('_');
    const ignored: string[] = [];
    const [p] = decodePins([shorter], ignored);
    expect(ignored).toEqual([]);
    expect(p.scenario).toEqual({ ...DEFAULT_SCENARIO, vmMiB: 2048 });
  });

  it('report and drop a malformed pin, clamp a bad value, and keep the rest', () => {
    const ignored: string[] = [];
    const good = encodePin(pin('good', 1));
    const pins = decodePins(['junk', good.replace('1024_935', '-5_935'), `9*big*${'1_'.repeat(40)}`, good], ignored);
    expect(pins.map((p) => p.name)).toEqual(['good', 'good']);
    expect(pins[0].scenario.vmMiB).toBe(64);
    expect(ignored[0]).toBe('pin 1: "junk" is not colour*name*values; ignored');
    expect(ignored[1]).toMatch(/^pin 2 \(good\): vm: "-5" is outside/);
    expect(ignored[2]).toMatch(/^pin 3: colour "9" is not 0–5; used bluish green/);
    expect(ignored[3]).toMatch(/^pin 3: 41 values, more than/);
  });

  it('keep at most six and say so', () => {
    const ignored: string[] = [];
    expect(decodePins(Array.from({ length: 9 }, () => encodePin(pin('x', 0))), ignored)).toHaveLength(MAX_PINS);
    expect(ignored).toEqual(['pin: 9 pinned scenarios; only the first 6 were kept']);
  });

  it('never throw on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 300 }), { maxLength: 10 }), (raws) => {
        const ignored: string[] = [];
        const pins = decodePins(raws, ignored);
        expect(pins.length).toBeLessThanOrEqual(MAX_PINS);
        for (const p of pins) expect(p.name.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('pin names and colours', () => {
  it('are plain, short and never empty', () => {
    expect(cleanName('  a\u0007b  ', 'X')).toBe('a b');
    expect(cleanName('', 'Scenario 2')).toBe('Scenario 2');
    expect(cleanName('x'.repeat(60), 'X')).toHaveLength(32);
    expect(cleanName('a  b*c …', 'X')).toBe('a b-c …');
    expect(cleanName(`${'y'.repeat(31)} z`, 'X')).toBe('y'.repeat(31));
    expect(cleanName('a*b', 'X')).toBe('a-b');
  });

  it('take the first colour not in use', () => {
    expect(freeColour([])).toBe(0);
    expect(freeColour([pin('a', 0), pin('b', 2)])).toBe(1);
  });
});

describe("the store's pins", () => {
  const make = () => createAppStore({ scenario: DEFAULT_SCENARIO, presetId: null, notice: [], theme: 'light', largeType: false });

  it('pins up to six, each with a free colour, and refuses a seventh', () => {
    const store = make();
    for (let i = 0; i < MAX_PINS; i++) expect(store.getState().pinCurrent()).toBe(true);
    expect(store.getState().pinCurrent()).toBe(false);
    expect(store.getState().pins.map((p) => p.colour)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(store.getState().pins[2].name).toBe('Scenario 3');
  });

  it("forgets a removed pin's run and baseline, and loads a pin into the controls", () => {
    const store = make();
    store.getState().setField('dirtyRate', 5000);
    store.getState().pinCurrent('five thousand');
    store.getState().setField('dirtyRate', 100);
    store.getState().pinCurrent();
    const [a, b] = store.getState().pins;
    store.getState().setBaseline(a.id);
    store.getState().showPinRun(a.id, { migrationTimeS: 1 } as never);
    store.getState().applyPin(a.id);
    expect(store.getState().scenario.dirtyRate).toBe(5000);
    store.getState().unpin(a.id);
    expect(store.getState().pins).toEqual([b]);
    expect(store.getState().baselineId).toBeNull();
    expect(store.getState().pinRuns).toEqual({});
    // A late answer for a removed pin is dropped.
    store.getState().showPinRun(a.id, { migrationTimeS: 1 } as never);
    expect(store.getState().pinRuns).toEqual({});
  });
});
