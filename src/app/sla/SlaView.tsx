// SLA: the headline numbers and the SLA lens (yearly downtime budget, response-time SLA) beside the
// controls, so a slider shows at once what a migration costs against the agreement.
import { Workbench } from '../components/Workbench.tsx';
import { Summary } from '../explore/Summary.tsx';
import { useHidden } from '../state/classroomView.ts';
import { SlaLens } from './SlaLens.tsx';

export function SlaView() {
  const hideSummary = useHidden('summary');
  const hideSla = useHidden('sla');
  return (
    <Workbench view="sla">
      {hideSummary ? null : <Summary />}
      {hideSla ? null : <SlaLens />}
    </Workbench>
  );
}
