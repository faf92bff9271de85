// What the curves chart needs computed: which series (links and policies, or start times over a trace),
// which x values, and in which order. Pure.
import { LINK_PRESETS, POLICIES, logSpace, type PolicyName, type RunResult, type Scenario, type SweepPoint } from '../../model/index.ts';
import type { CurveSeries } from '../charts/types.ts';
import { formatMbps } from '../charts/format.ts';
import { POLICY_NAME } from '../policyNames.ts';

/** 20 rates a decade from 100 to 1,000,000 pages/s. */
export const SWEEP_RATES: readonly number[] = logSpace(100, 1e6, 81);

export interface CurveLink {
  linkMbps: number;
  label: string;
  current: boolean;
}

/** Akoush's three links, plus the scenario's own when it is none of them. */
export function curveLinks(currentMbps: number): CurveLink[] {
  const links = LINK_PRESETS.map((p) => ({ linkMbps: p.goodputMbps, label: `${p.label} (${formatMbps(p.goodputMbps)})`, current: p.goodputMbps === currentMbps }));
  if (!links.some((l) => l.current)) links.push({ linkMbps: currentMbps, label: `Current link (${formatMbps(currentMbps)})`, current: true });
  return links;
}

/**
 * What shapes every series of a plan: the scenario without the swept and per-series fields (the start
 * time too: without a trace it plays no part, with one it is swept).
 */
function shapeKey(s: Scenario, traceId: string | null): string {
  const { dirtyRate: _rate, linkMbps: _link, policy: _policy, traceStartS: _start, ...rest } = s;
  return JSON.stringify(traceId === null ? rest : { ...rest, trace: traceId });
}

/** One series to compute: a link and a policy over the swept rates, or a policy over the trace's start times. */
export interface SeriesSpec {
  /** Cache id: the same id always means the same points. */
  id: string;
  policy: PolicyName;
  linkMbps: number;
  label: string;
  /** The scenario's own link and policy (drawn emphasised). */
  current: boolean;
  /** Dirty rates (rate mode) or start times (start mode), in order. */
  xs: readonly number[];
  /** A pinned scenario's series: computed over its own scenario, drawn in its colour. */
  pin?: { id: string; name: string; colour: string; scenario: Scenario };
}

/** What the plan needs of a pinned scenario. */
export interface PlanPin {
  id: string;
  name: string;
  colour: string;
  scenario: Scenario;
}

export interface CurvesPlan {
  /** Identifies the whole set of series: the same key, nothing to do. */
  key: string;
  mode: 'rate' | 'start';
  specs: SeriesSpec[];
  traceId: string | null;
}

/** The policies to overlay: the chosen ones but the scenario's own, in POLICIES order. */
export function comparedPolicies(current: PolicyName, compare: readonly PolicyName[]): PolicyName[] {
  return POLICIES.filter((p) => p !== current && compare.includes(p));
}

/**
 * Rate mode (no trace): the scenario's policy on Akoush's three links and the current one, plus each
 * compared policy on the current link, and each pinned scenario over its own settings. Start mode (a trace): the scenario's policy and each compared one
 * over the trace's start times, on the current link.
 */
export function planCurves(
  s: Scenario,
  compare: readonly PolicyName[],
  trace: { id: string; starts: readonly number[] } | null,
  pins: readonly PlanPin[] = [],
): CurvesPlan {
  const shape = shapeKey(s, trace?.id ?? null);
  const others = comparedPolicies(s.policy, compare);
  let specs: SeriesSpec[];
  if (trace) {
    specs = [s.policy, ...others].map((policy) => ({
      id: `${shape}|start|${policy}|${s.linkMbps}`,
      policy,
      linkMbps: s.linkMbps,
      label: POLICY_NAME[policy],
      current: policy === s.policy,
      xs: trace.starts,
    }));
  } else {
    specs = curveLinks(s.linkMbps).map((l) => ({ id: `${shape}|rate|${s.policy}|${l.linkMbps}`, policy: s.policy, xs: SWEEP_RATES, ...l }));
    for (const policy of others) {
      specs.push({
        id: `${shape}|rate|${policy}|${s.linkMbps}`,
        policy,
        linkMbps: s.linkMbps,
        label: `${POLICY_NAME[policy]} (${formatMbps(s.linkMbps)})`,
        current: false,
        xs: SWEEP_RATES,
      });
    }
    // Each pin over its own settings; its id stays when it is renamed or recoloured, so its points do.
    for (const pin of pins) {
      const p = pin.scenario;
      specs.push({ id: `pin:${pin.id}|${shapeKey(p, null)}|rate|${p.policy}|${p.linkMbps}`, policy: p.policy, linkMbps: p.linkMbps, label: `Pinned: ${pin.name}`, current: false, xs: SWEEP_RATES, pin });
    }
  }
  // Names and colours only change the drawing (Charts.tsx reads them from the store), not the points.
  return { key: specs.map((x) => x.id).join('\n'), mode: trace ? 'start' : 'rate', specs, traceId: trace?.id ?? null };
}

/** The chart's series for `spec` with the points known so far (a pin's result gives its own point). */
export function curveSeries(spec: SeriesSpec, points: SweepPoint[], pinResult?: RunResult): CurveSeries {
  const { id, policy, linkMbps, label, current, pin } = spec;
  return { id, policy, linkMbps, label, current, points, ...(pin ? { pin: { colour: pin.colour, rate: pin.scenario.dirtyRate, result: pinResult } } : {}) };
}

/** Indices 0..n-1, coarse first: every 8th, then the 4ths, 2nds and the rest, so a curve's shape shows early. */
export function coarseFirst(n: number): number[] {
  const order: number[] = [];
  const seen = new Set<number>();
  for (const stride of [8, 4, 2, 1]) {
    for (let i = 0; i < n; i += stride) {
      if (!seen.has(i)) {
        seen.add(i);
        order.push(i);
      }
    }
  }
  if (n > 1 && !seen.has(n - 1)) order.splice(1, 0, n - 1); // the right end early too
  return order;
}
