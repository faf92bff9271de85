// "Show QEMU 7.2's measured points": a toggle over the curves chart, offered when the scenario matches
// the shared measurements of a real QEMU 7.2 (src/model/qemu72/points.ts), and the points it draws:
// a filled dot per completed migration, an open one at the cancel time for one that never converged.
import { useMemo, type ReactNode } from 'react';
import type { Scenario } from '../../model/scenario.ts';
import { measuredPointsFor } from '../../model/qemu72/points.ts';
import { formatDuration } from '../../model/words/format.ts';
import type { CurvesExtra } from './CurvesChart.tsx';
import { LogToggle } from './ChartFrame.tsx';
import './measured.css';

/** The toggle and the points for `scenario`; whether they show is the caller's (app state, in the link). */
export function useMeasuredPoints(scenario: Scenario, show: boolean, setShow: (on: boolean) => void): { toggle: ReactNode; extra: CurvesExtra | undefined } {
  const key = JSON.stringify({ ...scenario, dirtyRate: 0 });
  const points = useMemo(() => measuredPointsFor(scenario), [key]);
  if (points.length === 0) return { toggle: null, extra: undefined };
  const toggle = (
    <span data-testid="measured-toggle">
      <LogToggle checked={show} onChange={setShow} label={`QEMU 7.2 measured (${points.length} runs)`} />
    </span>
  );
  const extra: CurvesExtra | undefined = show
    ? (metric, x, y, log) => (
        <g className="measured-points" data-testid={`measured-points-${metric}`} pointerEvents="none">
          {points.map((p) => {
            const value = metric === 'downtimeS' ? p.downtimeS : p.migrationTimeS;
            if (value === null || !(p.rate > 0) || (log && !(value > 0))) return null;
            const open = p.downtimeS === null;
            return (
              <rect
                key={`${p.case}-${p.rep}`}
                x={x(p.rate) - 4}
                y={y(value) - 4}
                width={8}
                height={8}
                transform={`rotate(45 ${x(p.rate)} ${y(value)})`}
                className={open ? 'measured-point measured-point--stalled' : 'measured-point'}
              >
                <title>{`${p.case} run ${p.rep}: ${metric === 'downtimeS' ? 'downtime' : open ? 'cancelled after' : 'total'} ${formatDuration(value)}`}</title>
              </rect>
            );
          })}
        </g>
      )
    : undefined;
  return { toggle, extra };
}
