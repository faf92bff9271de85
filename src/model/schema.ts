// One validator for a scenario, built from the field table; the command line, batch input, the URL
// and the worker boundary all go through it.
import * as v from 'valibot';
import { DEFAULT_SCENARIO, FIELDS, MAX_PAGES, describeRange, type Field, type Scenario } from './scenario.ts';
import { pagesOf } from './units.ts';

function fieldSchema(field: Field): v.GenericSchema<unknown, unknown> {
  const message = `must be ${describeRange(field)}`;
  if (field.kind === 'choice') return v.picklist(field.options as string[], message);
  if (field.kind === 'flag') return v.boolean(message);
  const checks: v.PipeItem<number, number, v.BaseIssue<unknown>>[] = [
    v.finite(message),
    field.minExclusive ? v.gtValue(field.min, message) : v.minValue(field.min, message),
    v.maxValue(field.max, message),
  ];
  if (field.integer) checks.push(v.integer(message));
  if (field.powerOfTwo) checks.push(v.check((n) => Number.isInteger(Math.log2(n)), message));
  const schema = v.pipe(v.number(message), ...checks);
  return field.nullable ? v.nullable(schema) : schema;
}

/** The per-field schema of a whole scenario (every field present). */
export const ScenarioSchema = v.object(
  Object.fromEntries(FIELDS.map((f) => [f.key, fieldSchema(f)])) as Record<keyof Scenario, v.GenericSchema>,
);

export interface FieldIssue {
  field: Field;
  message: string;
}

export type Validation = { ok: true; scenario: Scenario } | { ok: false; issues: FieldIssue[] };

const byKey = new Map(FIELDS.map((f) => [f.key as string, f]));

/** Checks one value of a field; returns the message, or null when valid. */
export function checkField(field: Field, value: unknown): string | null {
  const result = v.safeParse(fieldSchema(field), value);
  return result.success ? null : result.issues[0].message;
}

/**
 * Validates a partial scenario (missing fields take their defaults). Only known keys are read;
 * the rules that tie fields together (working set within the VM, at least one page) come last.
 */
export function validateScenario(input: Partial<Record<keyof Scenario, unknown>>): Validation {
  if (typeof input !== 'object' || input === null) input = {};
  const candidate: Record<string, unknown> = { ...DEFAULT_SCENARIO };
  const issues: FieldIssue[] = [];
  for (const field of FIELDS) {
    if (!(field.key in input) || input[field.key] === undefined) continue;
    const value = input[field.key];
    const message = checkField(field, value);
    if (message) issues.push({ field, message });
    else candidate[field.key] = value;
  }
  if (issues.length) return { ok: false, issues };
  const scenario = candidate as unknown as Scenario;
  issues.push(...crossFieldIssues(scenario));
  return issues.length ? { ok: false, issues } : { ok: true, scenario };
}

function crossFieldIssues(s: Scenario): FieldIssue[] {
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  const vm = byKey.get('vmMiB')!;
  if (pages < 1) return [{ field: vm, message: `must hold at least one page of ${s.pageBytes} bytes` }];
  if (pages > MAX_PAGES) {
    return [{ field: vm, message: `is ${pages} pages; the simulator takes at most ${MAX_PAGES} pages (use a larger --page)` }];
  }
  if (s.wssPages !== null && s.wssPages > pages) {
    return [{ field: byKey.get('wssPages')!, message: `must be at most the VM's ${pages} pages` }];
  }
  return [];
}
