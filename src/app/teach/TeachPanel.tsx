// Teaching mode's pieces: the replay engine (started while the Teach view or an embedded map is open,
// stopped after), the player's keyboard shortcuts, and TeachPanel, the player with the memory map and
// the narration in one column (embed=1&chart=memory). The Teach view (TeachView.tsx) lays the same
// pieces out on one screen.
import { useEffect, useState } from 'react';
import { HelpOverlay } from './HelpOverlay.tsx';
import { MemoryMap } from './MemoryMap.tsx';
import { Narration } from './Narration.tsx';
import { PlayerControls } from './PlayerControls.tsx';
import { startTeachEngine, type TeachEngine } from './teachEngine.ts';
import { teachStore } from './teachStore.ts';
import './teach.css';

/** Keys a focused control handles itself: typing, lists, and buttons' own Space. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('input, select, textarea, [role="slider"], [role="listbox"], [role="combobox"]')) return true;
  if (key === ' ' && target.closest('button, a, summary, [role="button"]')) return true;
  return false;
}

/** The replay engine for as long as the calling component is mounted. */
export function useTeachEngine(): TeachEngine | null {
  const [engine, setEngine] = useState<TeachEngine | null>(null);
  useEffect(() => {
    const e = startTeachEngine();
    setEngine(e);
    return () => e.dispose();
  }, []);
  return engine;
}

/** Space, arrows, Home and ? drive the player while the calling component is mounted. */
export function usePlayerKeys(): void {
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
}

/** "Play the current scenario's migration…", with the link to the keyboard help. */
export function TeachIntro() {
  return (
    <p className="teach__intro">
      Play the current scenario’s migration event by event. Each cell of the map is a page of the VM’s memory (or a group of pages); the text explains each step. Press{' '}
      <button type="button" className="teach__help-link" onClick={() => teachStore.getState().setHelpOpen(true)} aria-keyshortcuts="Shift+?">
        ? for keyboard shortcuts
      </button>
      .
    </p>
  );
}

/** The player, narration and map in one column: `embed=1&chart=memory` (the Teach view lays them out itself). */
export function TeachPanel() {
  const engine = useTeachEngine();
  usePlayerKeys();

  return (
    <div className="teach__panel">
      <TeachIntro />
      <PlayerControls />
      <Narration />
      <MemoryMap engine={engine} />
      <HelpOverlay />
    </div>
  );
}
