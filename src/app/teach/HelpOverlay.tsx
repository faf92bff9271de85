// The keyboard help, opened with "?": a modal dialog (native <dialog>, so the page behind is inert),
// with Tab kept inside it; Escape or the Close button closes it and focus returns where it was.
import { useEffect, useRef } from 'react';
import { teachStore, useTeach } from './teachStore.ts';

const KEYS: [string, string][] = [
  ['Space', 'Play or pause'],
  ['→', 'Step forward (a batch or an iteration, as chosen)'],
  ['←', 'Step back'],
  ['Home', 'Restart from the beginning'],
  ['?', 'Show this help'],
  ['Esc', 'Close this help'],
];

export function HelpOverlay() {
  const open = useTeach((s) => s.helpOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      const before = document.activeElement as HTMLElement | null;
      d.showModal();
      close.current?.focus();
      return () => {
        if (d.open) d.close();
        before?.focus();
      };
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="teach__help"
      aria-modal="true"
      aria-labelledby="teach-help-title"
      onCancel={(e) => {
        e.preventDefault();
        teachStore.getState().setHelpOpen(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          teachStore.getState().setHelpOpen(false);
        } else if (e.key === 'Tab') {
          // Keep focus in the dialog: it has one focusable control.
          e.preventDefault();
          close.current?.focus();
        }
      }}
    >
      <h2 id="teach-help-title">Keyboard shortcuts</h2>
      <p>They work while the teaching mode is open and focus is not in a text field or list.</p>
      <table className="teach__keys">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {KEYS.map(([k, a]) => (
            <tr key={k}>
              <td>
                <kbd>{k}</kbd>
              </td>
              <td>{a}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button ref={close} type="button" className="button" onClick={() => teachStore.getState().setHelpOpen(false)}>
        Close
      </button>
    </dialog>
  );
}
