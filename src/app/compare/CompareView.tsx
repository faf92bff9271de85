// Compare: the current scenario's headline numbers (what "Pin this scenario" would pin), the pinned
// scenarios (differences to a baseline, which VM first) beside the controls, and the charts that
// overlay the pins.
import { Workbench } from '../components/Workbench.tsx';
import { Charts } from '../explore/Charts.tsx';
import { Summary } from '../explore/Summary.tsx';
import { useHidden } from '../state/classroomView.ts';
import { ComparePanel } from './ComparePanel.tsx';

export function CompareView() {
  const hidden = useHidden('compare');
  const hideSummary = useHidden('summary');
  return (
    <Workbench view="compare">
      {hideSummary ? null : <Summary />}
      {hidden ? null : <ComparePanel />}
      <Charts />
    </Workbench>
  );
}
