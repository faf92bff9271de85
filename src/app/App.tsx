// The page: header, the controls beside the results (presets, summary, charts, teaching mode); or,
// with `embed=1`, one chart alone for an iframe. Classroom links may hide groups (state/classroom.ts).
import { Charts } from './explore/Charts.tsx';
import { ComparePanel } from './compare/ComparePanel.tsx';
import { Controls } from './explore/Controls.tsx';
import { Header } from './components/Header.tsx';
import { Notice } from './components/Notice.tsx';
import { Presets } from './explore/Presets.tsx';
import { SlaLens } from './sla/SlaLens.tsx';
import { Summary } from './explore/Summary.tsx';
import { ValidationSection } from './check/ValidationSection.tsx';
import { EmbedView } from './embed/EmbedView.tsx';
import { CONTROL_GROUPS, type Group } from './state/classroom.ts';
import { listHides, useClassroom, useHiddenList } from './state/classroomView.ts';
import { TeachSection } from './teach/TeachPanel.tsx';
import './app.css';

export function App() {
  const embed = useClassroom((c) => c.embed);
  const hidden = useHiddenList();
  if (embed) return <EmbedView />;
  const hides = (g: Group) => listHides(hidden, g);
  const noControls = CONTROL_GROUPS.every(hides);
  return (
    <>
      <Header />
      <main className={noControls ? 'layout layout--wide' : 'layout'}>
        <Notice />
        {noControls ? null : <Controls />}
        <div className="results" data-hide={hidden || undefined}>
          {hides('presets') ? null : <Presets />}
          {hides('summary') ? null : <Summary />}
          {hides('sla') ? null : <SlaLens />}
          <Charts />
          {hides('compare') ? null : <ComparePanel />}
          <TeachSection />
          {hides('validation') ? null : <ValidationSection />}
        </div>
      </main>
    </>
  );
}
