// `embed=1&chart=…`: one chart (or the memory map with its player) filling the frame, for an iframe
// in slides or a course page, with a small link to the full visualiser at the same state.
import { Charts } from '../explore/Charts.tsx';
import { Notice } from '../components/Notice.tsx';
import { classroomView, useClassroom } from '../state/classroomView.ts';
import { getAppStore } from '../state/store.ts';
import { classroomHref } from '../state/urlSync.ts';
import { TeachPanel } from '../teach/TeachPanel.tsx';
import '../teach/teach.css';

/** The same link without embed (the memory map opens the teaching mode). */
function fullHref(): string {
  const c = classroomView.getState().classroom;
  return classroomHref(getAppStore(), { ...c, embed: false, teach: c.teach || c.chart === 'memory' });
}

export function EmbedView() {
  const chart = useClassroom((c) => c.chart);
  return (
    <main className="embed" data-chart={chart} data-testid="embed">
      <h1 className="visually-hidden">Pre-copy live migration</h1>
      <Notice />
      {chart === 'memory' ? <TeachPanel /> : <Charts />}
      <p className="embed__open">
        <a href={fullHref()} target="_blank" rel="noopener">
          Open in the visualiser<span className="visually-hidden"> (new tab)</span>
        </a>
      </p>
    </main>
  );
}
