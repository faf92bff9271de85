// Compare: the pinned scenarios (differences to a baseline, which VM first) beside the controls, with
// the charts that overlay the pins.
import { Workbench } from '../components/Workbench.tsx';
import { Charts } from '../explore/Charts.tsx';
import { useHidden } from '../state/classroomView.ts';
import { ComparePanel } from './ComparePanel.tsx';

export function CompareView() {
  const hidden = useHidden('compare');
  return (
    <Workbench view="compare">
      {hidden ? null : <ComparePanel />}
      <Charts />
    </Workbench>
  );
}
