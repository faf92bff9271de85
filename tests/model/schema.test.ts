// The scenario validator: defaults, partial input, rejections naming the right field, and a property that
// arbitrary JSON objects never make it throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCENARIO,
  FIELDS,
  checkField,
  pagesOf,
  validateScenario,
  type Scenario,
  type Validation,
} from '../../src/model/index.ts';

const KEYS = FIELDS.map((f) => f.key);

/** The keys of the fields an invalid input was rejected for. */
function rejected(v: Validation): string[] {
  expect(v.ok).toBe(false);
  return v.ok ? [] : v.issues.map((i) => i.field.key);
}

function accepted(v: Validation): Scenario {
  if (!v.ok) expect.fail(`rejected: ${v.issues.map((i) => `${i.field.key} ${i.message}`).join('; ')}`);
  return v.scenario;
}

describe('validateScenario accepts', () => {
  it('an empty object as the defaults', () => {
    expect(accepted(validateScenario({}))).toEqual(DEFAULT_SCENARIO);
  });

  it('the defaults themselves', () => {
    expect(accepted(validateScenario({ ...DEFAULT_SCENARIO }))).toEqual(DEFAULT_SCENARIO);
  });

  it('partial input, filling the rest from the defaults', () => {
    const s = accepted(validateScenario({ vmMiB: 512, dirtyRate: 3000, pattern: 'hotcold' }));
    expect(s).toEqual({ ...DEFAULT_SCENARIO, vmMiB: 512, dirtyRate: 3000, pattern: 'hotcold' });
  });

  it('undefined values as missing, and ignores unknown keys', () => {
    const s = accepted(validateScenario({ vmMiB: undefined, linkMbps: 94.2, bogus: 7 } as never));
    expect(s).toEqual({ ...DEFAULT_SCENARIO, linkMbps: 94.2 });
    expect(Object.keys(s).sort()).toEqual(Object.keys(DEFAULT_SCENARIO).sort());
  });

  it('values at the edges of their ranges', () => {
    accepted(validateScenario({ dirtyRate: 0, preS: 0, postS: 0, minDirtyPages: 0, maxFactor: 0, hotShare: 0, hotFraction: 1 }));
    accepted(validateScenario({ wssPages: null }));
    accepted(validateScenario({ wssPages: 262144 })); // the whole default VM
    accepted(validateScenario({ wssPages: 1 }));
    accepted(validateScenario({ pageBytes: 512, vmMiB: 1 }));
    accepted(validateScenario({ pageBytes: 2_097_152, vmMiB: 2 }));
    accepted(validateScenario({ vmMiB: 4096 / 1048576 })); // exactly one page
    accepted(validateScenario({ maxIterations: 1, seed: 4_294_967_295 }));
  });
});

describe('validateScenario rejects, naming the field', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['NaN VM size', { vmMiB: NaN }, ['vmMiB']],
    ['NaN link', { linkMbps: NaN }, ['linkMbps']],
    ['NaN rate', { dirtyRate: NaN }, ['dirtyRate']],
    ['NaN pre overhead', { preS: NaN }, ['preS']],
    ['Infinity link', { linkMbps: Infinity }, ['linkMbps']],
    ['Infinity rate', { dirtyRate: Infinity }, ['dirtyRate']],
    ['-Infinity post overhead', { postS: -Infinity }, ['postS']],
    ['negative VM size', { vmMiB: -1 }, ['vmMiB']],
    ['zero VM size', { vmMiB: 0 }, ['vmMiB']],
    ['zero link', { linkMbps: 0 }, ['linkMbps']],
    ['negative link', { linkMbps: -100 }, ['linkMbps']],
    ['negative rate', { dirtyRate: -5 }, ['dirtyRate']],
    ['negative working set', { wssPages: -5 }, ['wssPages']],
    ['zero working set', { wssPages: 0 }, ['wssPages']],
    ['fractional working set', { wssPages: 10.5 }, ['wssPages']],
    ['negative overhead', { preS: -0.1 }, ['preS']],
    ['non-numeric string rate', { dirtyRate: 'fast' }, ['dirtyRate']],
    ['numeric string VM size (no coercion)', { vmMiB: '1024' }, ['vmMiB']],
    ['empty string link', { linkMbps: '' }, ['linkMbps']],
    ['boolean link', { linkMbps: true }, ['linkMbps']],
    ['null VM size', { vmMiB: null }, ['vmMiB']],
    ['array rate', { dirtyRate: [1] }, ['dirtyRate']],
    ['page size not a power of two (3000)', { pageBytes: 3000 }, ['pageBytes']],
    ['page size not a power of two (4095)', { pageBytes: 4095 }, ['pageBytes']],
    ['page size below 512', { pageBytes: 256 }, ['pageBytes']],
    ['page size above 1 GiB', { pageBytes: 2 ** 31 }, ['pageBytes']],
    ['working set larger than the VM', { wssPages: 262145 }, ['wssPages']],
    ['working set larger than a small VM', { vmMiB: 1, wssPages: 257 }, ['wssPages']],
    ['unknown pattern', { pattern: 'random' }, ['pattern']],
    ['pattern of the wrong case', { pattern: 'Uniform' }, ['pattern']],
    ['unknown policy', { policy: 'vmware' }, ['policy']],
    ['VM smaller than one page', { vmMiB: 0.001 }, ['vmMiB']],
    ['VM smaller than one large page', { vmMiB: 1, pageBytes: 2_097_152 }, ['vmMiB']],
    ['VM of more than 2^32 pages', { vmMiB: 16_777_216, pageBytes: 512 }, ['vmMiB']],
    ['hot fraction of zero', { hotFraction: 0 }, ['hotFraction']],
    ['hot share above one', { hotShare: 1.5 }, ['hotShare']],
    ['fractional seed', { seed: 1.5 }, ['seed']],
    ['zero iterations', { maxIterations: 0 }, ['maxIterations']],
    ['negative data factor', { maxFactor: -1 }, ['maxFactor']],
    ['several fields at once', { vmMiB: -1, linkMbps: NaN, pattern: 7 }, ['vmMiB', 'linkMbps', 'pattern']],
  ];
  for (const [name, input, fields] of cases) {
    it(name, () => {
      const v = validateScenario(input as never);
      expect(rejected(v).sort()).toEqual([...fields].sort());
      if (!v.ok) for (const issue of v.issues) expect(issue.message.length).toBeGreaterThan(5);
    });
  }

  it('says what is wrong in words', () => {
    const page = validateScenario({ pageBytes: 3000 });
    expect(!page.ok && page.issues[0].message).toMatch(/power of two/);
    const wss = validateScenario({ vmMiB: 1, wssPages: 257 });
    expect(!wss.ok && wss.issues[0].message).toMatch(/256/);
    const pattern = validateScenario({ pattern: 'random' } as never);
    expect(!pattern.ok && pattern.issues[0].message).toMatch(/sequential/);
  });
});

describe('checkField', () => {
  const field = (key: string) => FIELDS.find((f) => f.key === key)!;
  it('returns null for a valid value and a message otherwise', () => {
    expect(checkField(field('pageBytes'), 4096)).toBeNull();
    expect(checkField(field('pageBytes'), 4097)).toEqual(expect.any(String));
    expect(checkField(field('wssPages'), null)).toBeNull();
    expect(checkField(field('vmMiB'), null)).toEqual(expect.any(String));
    expect(checkField(field('pattern'), 'hotcold')).toBeNull();
    expect(checkField(field('pattern'), 'trace')).toEqual(expect.any(String));
  });
});

/** JSON-ish values, weighted towards the ones a field might almost accept. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.double(),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, 512, 4096, 3000, null, undefined, '', '42', 'sequential', 'uniform', 'xen'),
);
const anyObject = fc.oneof(
  fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), anyValue, { maxKeys: 20 }),
  fc.object(),
);

describe('arbitrary objects', () => {
  it('either validate to a complete scenario or yield issues naming known fields; never throw', () => {
    fc.assert(
      fc.property(anyObject, (input) => {
        let v: Validation | undefined;
        expect(() => {
          v = validateScenario(input as never);
        }).not.toThrow();
        if (v!.ok) {
          const s = v!.scenario;
          expect(Object.keys(s).sort()).toEqual(Object.keys(DEFAULT_SCENARIO).sort());
          for (const f of FIELDS) expect(checkField(f, s[f.key]), f.key).toBeNull();
          const pages = pagesOf(s.vmMiB, s.pageBytes);
          expect(pages).toBeGreaterThanOrEqual(1);
          if (s.wssPages !== null) expect(s.wssPages).toBeLessThanOrEqual(pages);
          // Whatever was given for a known field is what the scenario holds.
          for (const k of KEYS) {
            const given = (input as Record<string, unknown>)[k];
            if (Object.hasOwn(input as object, k) && given !== undefined) expect(s[k]).toBe(given);
          }
        } else {
          const issues = (v as Extract<Validation, { ok: false }>).issues;
          expect(issues.length).toBeGreaterThan(0);
          for (const issue of issues) {
            expect(KEYS).toContain(issue.field.key);
            expect(typeof issue.message).toBe('string');
            expect(issue.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a scenario built from valid field values validates to itself', () => {
    const valid = fc.record({
      vmMiB: fc.double({ min: 1, max: 4096, noNaN: true }),
      linkMbps: fc.double({ min: 0.001, max: 1e6, noNaN: true }),
      dirtyRate: fc.double({ min: 0, max: 1e9, noNaN: true }),
      pattern: fc.constantFrom('sequential', 'uniform', 'hotcold'),
      pageBytes: fc.integer({ min: 9, max: 20 }).map((e) => 2 ** e),
      preS: fc.double({ min: 0, max: 3600, noNaN: true }),
      seed: fc.integer({ min: 0, max: 4_294_967_295 }),
    });
    fc.assert(
      fc.property(valid, (input) => {
        expect(accepted(validateScenario(input))).toEqual({ ...DEFAULT_SCENARIO, ...input });
      }),
      { numRuns: 300 },
    );
  });
});
