// The one tooltip of a chart: an absolutely positioned div over the plot, placed beside the pointer
// and flipped to its left on the right half so it never runs off the chart.
export interface TooltipRow {
  label: string;
  value: string;
  /** CSS custom property of a colour swatch before the label. */
  colourVar?: string;
  /** A literal colour instead of a custom property (a pinned scenario's). */
  colour?: string;
  emphasis?: boolean;
}

export interface TooltipProps {
  /** Anchor in plot-area pixels. */
  x: number;
  y: number;
  /** The plot area's size, to keep the tooltip inside. */
  width: number;
  height: number;
  title: string;
  rows: readonly TooltipRow[];
  note?: string;
}

export function tupleRows(rows: readonly [string, string][]): TooltipRow[] {
  return rows.map(([label, value]) => ({ label, value }));
}

export function Tooltip({ x, y, width, height, title, rows, note }: TooltipProps) {
  const flipX = x > width / 2;
  const flipY = y > height * 0.6;
  const style = {
    left: 0,
    top: 0,
    transform: `translate(${Math.round(x + (flipX ? -14 : 14))}px, ${Math.round(y + (flipY ? -10 : 10))}px) translate(${flipX ? '-100%' : '0'}, ${flipY ? '-100%' : '0'})`,
  };
  return (
    <div className="chart-tooltip" style={style} aria-hidden="true">
      <div className="chart-tooltip__title">{title}</div>
      <table className="chart-tooltip__rows">
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className={r.emphasis ? 'is-emphasis' : undefined}>
              <th scope="row">
                {r.colour || r.colourVar ? <span className="chart-tooltip__swatch" style={{ background: r.colour ?? `var(${r.colourVar})` }} /> : null}
                {r.label}
              </th>
              <td>{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {note ? <div className="chart-tooltip__note">{note}</div> : null}
    </div>
  );
}
