// The shell of the views that work on the scenario (Explore, Compare, SLA): the controls in a column of
// their own (it scrolls inside itself on a short screen) beside the view's results; one column on a
// narrow screen. Groups a classroom link hides are left out (state/classroom.ts).
import type { ReactNode } from 'react';
import { Controls } from '../explore/Controls.tsx';
import { Presets } from '../explore/Presets.tsx';
import { CONTROL_GROUPS, type ViewId } from '../state/classroom.ts';
import { listHides, useHiddenList } from '../state/classroomView.ts';
import { Notice } from './Notice.tsx';

export function Workbench({ view, children }: { view: ViewId; children: ReactNode }) {
  const hidden = useHiddenList();
  const noControls = CONTROL_GROUPS.every((g) => listHides(hidden, g)) && listHides(hidden, 'presets');
  return (
    <main id="main" className={noControls ? 'workbench workbench--wide' : 'workbench'} data-view={view} data-hide={hidden || undefined}>
      <Notice />
      {noControls ? null : (
        <div className="workbench__side">
          {listHides(hidden, 'presets') ? null : <Presets />}
          {CONTROL_GROUPS.every((g) => listHides(hidden, g)) ? null : <Controls />}
        </div>
      )}
      <div className="workbench__results results">{children}</div>
    </main>
  );
}
