// Teach, on one screen: the lesson (or the list of lessons) beside the memory map and its player, with
// the narration and the per-iteration chart that follows the player (PhET: one designed screen). The
// replay worker runs while this view is open.
import { useState } from 'react';
import { Notice } from '../components/Notice.tsx';
import { ShareDialog } from '../components/ShareDialog.tsx';
import { PlayerChart } from '../explore/Charts.tsx';
import { useHidden } from '../state/classroomView.ts';
import { HelpOverlay } from './HelpOverlay.tsx';
import { LessonPanel } from './LessonPanel.tsx';
import { MemoryMap } from './MemoryMap.tsx';
import { Narration } from './Narration.tsx';
import { PlayerControls } from './PlayerControls.tsx';
import { TeachIntro, usePlayerKeys, useTeachEngine } from './TeachPanel.tsx';
import './teach.css';

export function TeachView() {
  const engine = useTeachEngine();
  usePlayerKeys();
  const [sharing, setSharing] = useState(false);
  const hideChart = useHidden('charts');
  return (
    <main id="main" className="teachview" data-view="teach">
      <Notice />
      <section className="teachview__side" aria-labelledby="teach-heading">
        <h2 id="teach-heading" className="visually-hidden">
          Step through the migration
        </h2>
        <LessonPanel />
        <TeachIntro />
        <p className="teach__share">
          <button type="button" className="button" onClick={() => setSharing(true)} aria-haspopup="dialog">
            Share this lesson
          </button>
        </p>
        {sharing ? <ShareDialog onClose={() => setSharing(false)} /> : null}
      </section>
      <div className="teachview__stage teach__panel">
        <PlayerControls />
        <MemoryMap engine={engine} />
      </div>
      <div className="teachview__follow">
        <Narration />
        {hideChart ? null : (
          <div className="charts" id="charts" tabIndex={-1}>
            <PlayerChart />
          </div>
        )}
      </div>
      <HelpOverlay />
    </main>
  );
}
