// Teaching mode: "Step through the migration". A section after the charts, collapsed behind a
// "Teaching mode" toggle; opening it starts the replay worker for the app's current scenario, closing
// it stops the worker. Inside: the player, the memory map, the narration and the keyboard help; above
// it the guided lessons, and a "Share this lesson" dialog for classroom links.
import { useEffect, useState } from 'react';
import { HelpOverlay } from './HelpOverlay.tsx';
import { LessonPanel } from './LessonPanel.tsx';
import { MemoryMap } from './MemoryMap.tsx';
import { Narration } from './Narration.tsx';
import { PlayerControls } from './PlayerControls.tsx';
import { ShareDialog } from '../components/ShareDialog.tsx';
import { startTeachEngine, type TeachEngine } from './teachEngine.ts';
import { teachStore, useTeach } from './teachStore.ts';
import './teach.css';

export function TeachSection() {
  const open = useTeach((s) => s.open);
  const setOpen = teachStore.getState().setOpen;
  return (
    <section className="teach" aria-labelledby="teach-heading">
      <div className="teach__head">
        <h2 id="teach-heading">Step through the migration</h2>
        <button type="button" className="button" aria-expanded={open} aria-controls="teach-body" onClick={() => setOpen(!open)}>
          Teaching mode
        </button>
      </div>
      <LessonPanel />
      <div id="teach-body" hidden={!open}>
        {open && <TeachPanel />}
      </div>
    </section>
  );
}

/** Keys a focused control handles itself: typing, lists, and buttons' own Space. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('input, select, textarea, [role="slider"], [role="listbox"], [role="combobox"]')) return true;
  if (key === ' ' && target.closest('button, a, summary, [role="button"]')) return true;
  return false;
}

export function TeachPanel({ embedded = false }: { embedded?: boolean }) {
  const [engine, setEngine] = useState<TeachEngine | null>(null);
  const [sharing, setSharing] = useState(false);

  useEffect(() => {
    const e = startTeachEngine();
    setEngine(e);
    return () => e.dispose();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = teachStore.getState();
      // Not while a dialog (help, share) is open: its own controls take the keys.
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || t.helpOpen || document.querySelector('dialog[open]')) return;
      if (e.key === '?') {
        if (ownsKey(e.target, e.key)) return;
        e.preventDefault();
        t.setHelpOpen(true);
        return;
      }
      if (ownsKey(e.target, e.key)) return;
      switch (e.key) {
        case ' ':
          t.togglePlay();
          break;
        case 'ArrowRight':
          t.stepForward();
          break;
        case 'ArrowLeft':
          t.stepBack();
          break;
        case 'Home':
          t.restart();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="teach__panel">
      <p className="teach__intro">
        Play the current scenario’s migration event by event. Each cell of the map is a page of the VM’s memory (or a group of pages); the text explains each step. Press{' '}
        <button type="button" className="teach__help-link" onClick={() => teachStore.getState().setHelpOpen(true)} aria-keyshortcuts="Shift+?">
          ? for keyboard shortcuts
        </button>
        .
      </p>
      {embedded ? null : (
        <p className="teach__share">
          <button type="button" className="button" onClick={() => setSharing(true)} aria-haspopup="dialog">
            Share this lesson
          </button>
        </p>
      )}
      {sharing ? <ShareDialog onClose={() => setSharing(false)} /> : null}
      <PlayerControls />
      <Narration />
      <MemoryMap engine={engine} />
      <HelpOverlay />
    </div>
  );
}
