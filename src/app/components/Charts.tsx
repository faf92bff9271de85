// The three charts for the newest run, and the User Timing probe that measures when they show it.
import { useEffect, useMemo } from 'react';
import { CurvesChart, IterationChart, TimelineChart, type CurveSeries } from '../charts/index.ts';
import { SWEEP_RATES, curveLinks, sweepKey } from '../state/curvesPlan.ts';
import { useApp, type CurvesView, type RunView } from '../state/store.ts';
import { inNextFrame, measureShown } from '../state/timing.ts';

/** The curves that belong to the run's scenario (never another scenario's), possibly partial. */
function seriesFor(run: RunView, curves: CurvesView | null): { series: CurveSeries[]; done: number; complete: boolean } {
  const key = sweepKey(run.scenario);
  const fitting = curves?.key === key ? curves.series : [];
  const series = curveLinks(run.scenario.linkMbps).map((l) => {
    const found = fitting.find((s) => s.linkMbps === l.linkMbps);
    return { ...l, points: found ? found.points : [] };
  });
  const done = series.reduce((n, s) => n + s.points.length, 0);
  return { series, done, complete: done === series.length * SWEEP_RATES.length };
}

function ChartsOf({ run }: { run: RunView }) {
  const curves = useApp((s) => s.curves);
  const { series, done, complete } = useMemo(
    () => seriesFor(run, curves),
    // The curves do not depend on the rate: keep their identity while the rate slider moves.
    [curves, run.scenario.linkMbps, sweepKey(run.scenario)],
  );

  useEffect(() => inNextFrame(() => measureShown('update', run.seq)), [run.seq]);
  useEffect(() => (complete ? inNextFrame(() => measureShown('curves', run.seq)) : undefined), [run.seq, complete]);

  const progress = Math.round((done / (series.length * SWEEP_RATES.length)) * 100);
  return (
    <>
      <div className="charts__pair">
        <IterationChart result={run.result} />
        <TimelineChart scenario={run.scenario} result={run.result} />
      </div>
      <div className="charts__curves" data-complete={complete}>
        <p className="charts__progress" hidden={complete}>
          Computing the curves… {progress}%
        </p>
        <CurvesChart scenario={run.scenario} series={series} result={run.result} />
      </div>
    </>
  );
}

export function Charts() {
  const run = useApp((s) => s.run);
  return (
    <section className="charts" aria-labelledby="charts-heading">
      <h2 id="charts-heading" className="visually-hidden">
        Charts
      </h2>
      {run ? <ChartsOf run={run} /> : <p className="placeholder">Starting the simulator…</p>}
    </section>
  );
}
