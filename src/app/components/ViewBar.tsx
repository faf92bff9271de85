// The persistent bar of views: links (they open in a new tab too) that switch the view in place, with
// a history entry each, so back and forward move between views.
import { useDeferredValue, useMemo, type MouseEvent } from 'react';
import { flushUrl } from '../state/boot.ts';
import { useClassroom, useHiddenList, listHides } from '../state/classroomView.ts';
import { useApp } from '../state/store.ts';
import { VIEWS, goToView, useView, viewHrefs } from '../state/views.ts';

export function ViewBar() {
  const view = useView();
  const hidden = useHiddenList();
  // Re-render the hrefs when the state they carry changes: in the background (deferred), since each
  // href encodes the whole state and a slider changes the scenario on every pointer move.
  const scenario = useDeferredValue(useApp((s) => s.scenario));
  const classroom = useClassroom((c) => c);
  // viewHrefs reads the stores themselves; these two say when to read them again.
  const hrefs = useMemo(viewHrefs, [scenario, classroom]);
  return (
    <nav className="viewbar" aria-label="Views">
      <ul className="viewbar__list">
        {VIEWS.filter((v) => !v.group || !listHides(hidden, v.group)).map((v) => (
          <li key={v.id}>
            <a
              className="viewbar__tab"
              href={hrefs[v.id]}
              aria-current={v.id === view ? 'page' : undefined}
              onClick={(e: MouseEvent<HTMLAnchorElement>) => {
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                goToView(v.id, flushUrl);
              }}
            >
              {v.short ? (
                <span>
                  {v.short}
                  <span className="viewbar__more">{v.label.slice(v.short.length)}</span>
                </span>
              ) : (
                v.label
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
