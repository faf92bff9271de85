// Check against the papers: the validation rows (the model beside the papers' and QEMU's figures) at the
// full width; the rows come from the model (src/model/validation.ts), not from this layout.
import { Notice } from '../components/Notice.tsx';
import { useHidden } from '../state/classroomView.ts';
import { ValidationSection } from './ValidationSection.tsx';

export function CheckView() {
  const hidden = useHidden('validation');
  return (
    <main id="main" className="page" data-view="check">
      <Notice />
      {hidden ? <p className="placeholder">This link hides the comparison with the papers.</p> : <ValidationSection />}
    </main>
  );
}
