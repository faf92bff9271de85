// The three charts for the newest run, and the User Timing probe that measures when they show it.
// With a trace the curves against the dirty rate give way to the start-time sweep (Akoush Table IV).
import { memo, useDeferredValue, useEffect, useMemo } from 'react';
import { LINK_PRESETS, POLICIES, capCurvesText, type PolicyName, type RunResult, type Scenario } from '../../model/index.ts';
import { CurvesChart, IterationChart, StartSweepChart, TimelineChart, type CurveSeries, type IterationOverlay, type StartSeries } from '../charts/index.ts';
import { useMeasuredPoints } from '../charts/MeasuredPoints.tsx';
import { POLICY_NAME } from '../policyNames.ts';
import { replayMatches } from '../teach/follow.ts';
import { useTeach } from '../teach/teachStore.ts';
import { curveSeries } from '../state/curvesPlan.ts';
import { planFor } from '../state/engine.ts';
import { PIN_COLOURS, type Pin } from '../state/pins.ts';
import { useApp, type ActiveTrace, type CurvesView, type RunView } from '../state/store.ts';
import { inNextFrame, measureCompare, measureShown } from '../state/timing.ts';

interface Shown {
  mode: 'rate' | 'start';
  series: CurveSeries[];
  starts: StartSeries[];
  done: number;
  total: number;
}

/** The series that belong to the run's scenario (never another scenario's), possibly partial. */
function seriesFor(run: RunView, curves: CurvesView | null, compare: PolicyName[], trace: ActiveTrace | null, pins: Pin[], pinRuns: Record<string, RunResult>): Shown {
  const runTrace = trace && trace.id === run.traceId ? trace : null;
  const plan = planFor({ scenario: run.scenario, compare, trace: runTrace, pins });
  const fitting = curves?.key === plan.key ? curves : null;
  const pointsOf = <T,>(list: readonly { id?: string; points: T[] }[], id: string): T[] => list.find((s) => s.id === id)?.points ?? [];
  const series: CurveSeries[] = [];
  const starts: StartSeries[] = [];
  let done = 0;
  let total = 0;
  for (const spec of plan.specs) {
    const { id, policy, label, current, xs, pin } = spec;
    total += xs.length;
    if (plan.mode === 'rate') {
      const points = fitting ? pointsOf(fitting.series, id) : [];
      done += points.length;
      series.push(curveSeries(spec, points, pin ? pinRuns[pin.id] : undefined));
    } else {
      const points = fitting ? pointsOf(fitting.starts, id) : [];
      done += points.length;
      starts.push({ id, policy, label, current, points });
    }
  }
  return { mode: plan.mode, series, starts, done, total };
}

function ComparePolicies({ current }: { current: PolicyName }) {
  const compare = useApp((s) => s.compare);
  const setCompare = useApp((s) => s.setCompare);
  const toggle = (p: PolicyName, on: boolean) => setCompare(POLICIES.filter((q) => (q === p ? on : compare.includes(q))));
  return (
    <fieldset className="compare-policies">
      <legend>Compare policies (current link, dashed):</legend>
      {POLICIES.map((p) => (
        <label key={p} className="chart__toggle">
          <input type="checkbox" checked={p === current || compare.includes(p)} disabled={p === current} onChange={(e) => toggle(p, e.currentTarget.checked)} />
          {POLICY_NAME[p]}
          {p === current ? ' (current)' : ''}
        </label>
      ))}
    </fieldset>
  );
}

/** Whether teaching mode is open with its replay loaded for this run (then the charts follow its player). */
function useFollowing(run: RunView): boolean {
  const summary = useTeach((s) => (s.status === 'ready' ? s.summary : null));
  return useMemo(() => replayMatches(summary, run.scenario, run.traceId), [summary, run]);
}

/** The pinned runs' pages sent per iteration, for the iteration chart (same identity until pins change). */
function usePinOverlays(): IterationOverlay[] {
  const pins = useApp((s) => s.pins);
  const runs = useApp((s) => s.pinRuns);
  return useMemo(
    () =>
      pins.flatMap((p) =>
        runs[p.id] ? [{ id: p.id, label: `Pinned: ${p.name}`, colour: PIN_COLOURS[p.colour].value, sent: runs[p.id].perIteration.map((it) => it.pagesSent) }] : [],
      ),
    [pins, runs],
  );
}

// The two charts that follow the player, each in its own component subscribed to just what it shows,
// so a player step re-renders neither the curves nor (within an iteration) the iteration chart. Both are
// memoised on the run: a publish of partial curves re-renders neither.
const FollowingIterations = memo(function FollowingIterations({ run }: { run: RunView }) {
  const following = useFollowing(run);
  const iteration = useTeach((s) => (following ? s.iteration : null));
  return <IterationChart result={run.result} highlight={iteration} overlays={usePinOverlays()} />;
});

const FollowingTimeline = memo(function FollowingTimeline({ run }: { run: RunView }) {
  const following = useFollowing(run);
  const timeS = useTeach((s) => (following ? s.timeS : null));
  return <TimelineChart scenario={run.scenario} result={run.result} cursorS={timeS} />;
});

function ChartsOf({ run }: { run: RunView }) {
  useEffect(() => inNextFrame(() => measureShown('update', run.seq)), [run.seq]);
  // Iterations and curves side by side where there is room (the workbench), the timeline after them.
  return (
    <>
      <div className="charts__iterations">
        <FollowingIterations run={run} />
      </div>
      <CurvesOf run={run} />
      <div className="charts__timeline">
        <FollowingTimeline run={run} />
      </div>
    </>
  );
}

/**
 * The curves (or the start-time sweep) of the run. The sweep's partial publishes are deferred: React
 * renders them in the background in short slices that a pointer event interrupts, so filling in the
 * curves never holds the main thread for a whole chart render while a slider moves (the run itself,
 * with the marker, and the complete curves still render at once).
 */
const CurvesOf = memo(function CurvesOf({ run }: { run: RunView }) {
  const latest = useApp((s) => s.curves);
  const deferred = useDeferredValue(latest);
  // Complete curves show at once (the sweep is done: nothing follows them to wait for).
  const curves = latest?.complete ? latest : deferred;
  const compare = useApp((s) => s.compare);
  const trace = useApp((s) => s.trace);
  const pins = useApp((s) => s.pins);
  const pinRuns = useApp((s) => s.pinRuns);
  const planKey = planFor({ scenario: run.scenario, compare, trace: trace && trace.id === run.traceId ? trace : null, pins }).key;
  const shown = useMemo(
    () => seriesFor(run, curves, compare, trace, pins, pinRuns),
    // The curves depend on neither the rate nor the start: keep their identity while those sliders move.
    [curves, planKey, pins, pinRuns],
  );
  const complete = shown.done === shown.total;

  useEffect(() => (complete ? inNextFrame(() => measureShown('curves', run.seq)) : undefined), [run.seq, complete]);
  // The plan's key names the compared policies: complete curves for it show the newest toggle.
  useEffect(() => (complete ? inNextFrame(measureCompare) : undefined), [planKey, complete]);

  const progress = Math.round((shown.done / Math.max(1, shown.total)) * 100);
  const overlays = useApp((s) => s.overlays);
  const setOverlay = useApp((s) => s.setOverlay);
  const measured = useMeasuredPoints(run.scenario, overlays.includes('qemu72'), (on) => setOverlay('qemu72', on));
  const toolbar = <ComparePolicies current={run.scenario.policy} />;
  return (
    <div className="charts__curves" data-complete={complete} data-mode={shown.mode}>
      <p className="charts__progress" hidden={complete}>
        Computing the curves… {progress}%
      </p>
      {shown.mode === 'start' && trace ? (
        <StartSweepChart
          scenario={run.scenario}
          series={shown.starts}
          result={run.result}
          endS={trace.info.endS}
          toolbar={
            <>
              <p className="chart__note">
                A trace sets the dirty rate, so instead of curves against the rate this chart runs the same migration started at {shown.starts[0]?.points.length || trace.info.starts.length}{' '}
                points of the trace ({trace.name}): how much the moment of migrating matters.
              </p>
              {toolbar}
            </>
          }
        />
      ) : (
        <CurvesChart
          scenario={run.scenario}
          series={shown.series}
          result={run.result}
          toolbar={
            <>
              {measured.toggle}
              {toolbar}
            </>
          }
          notes={capCurvesNote(run.scenario, compare)}
          extra={measured.extra}
          showModels={overlays.includes('model')}
          onShowModels={(on) => setOverlay('model', on)}
        />
      )}
    </div>
  );
});

/** Under the curves' legend: when QEMU's cap makes its curves for the faster links coincide, say so (else null: no note). */
function capCurvesNote(scenario: Scenario, compare: readonly PolicyName[]) {
  const qemuDrawn = scenario.policy === 'qemu' || compare.includes('qemu');
  const text = capCurvesText(scenario, [...LINK_PRESETS.map((l) => l.goodputMbps), scenario.linkMbps], qemuDrawn);
  return text ? (
    <p className="chart__note" data-testid="curves-cap-note">
      {text}
    </p>
  ) : null;
}

/** The Teach view's chart: the iterations, following the player. */
export function PlayerChart() {
  const run = useApp((s) => s.run);
  return run ? <FollowingIterations run={run} /> : <p className="placeholder">Starting the simulator…</p>;
}

export function Charts() {
  const run = useApp((s) => s.run);
  return (
    <section className="charts" id="charts" tabIndex={-1} aria-labelledby="charts-heading">
      <h2 id="charts-heading" className="visually-hidden">
        Charts
      </h2>
      {run ? <ChartsOf run={run} /> : <p className="placeholder">Starting the simulator…</p>}
    </section>
  );
}
