// What the URL reader ignored, as plain text (never HTML), dismissible.
import { useApp } from '../state/store.ts';

export function Notice() {
  const notice = useApp((s) => s.notice);
  const dismiss = useApp((s) => s.dismissNotice);
  if (notice.length === 0) return null;
  return (
    <div className="notice" role="status" aria-labelledby="notice-heading" data-testid="url-notice">
      <div className="notice__body">
        <h2 id="notice-heading" className="notice__title">
          Parts of the link were ignored
        </h2>
        <ul>
          {notice.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ul>
        <p>The rest of the link was applied; the defaults stand in for what was ignored.</p>
      </div>
      <button type="button" className="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
