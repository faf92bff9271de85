// Explore, the first screen: the sliders and the policy, the headline numbers, the per-iteration chart
// and the downtime / migration-time curves together (TensorFlow Playground: inputs left, results
// right); the timeline and the start-time chart follow below them.
import { Workbench } from '../components/Workbench.tsx';
import { useHidden } from '../state/classroomView.ts';
import { Charts } from './Charts.tsx';
import { Summary } from './Summary.tsx';

export function ExploreView() {
  const hideSummary = useHidden('summary');
  return (
    <Workbench view="explore">
      {hideSummary ? null : <Summary />}
      <Charts />
    </Workbench>
  );
}
