// "Share this lesson": a modal dialog that builds a classroom link (see state/classroom.ts) from
// checkboxes: the groups to hide, the player's step and speed, theme, type size, the open lesson, and
// embed mode with one chart (then an <iframe> snippet too). The link updates as the boxes change.
import { describeScenario } from '../../model/index.ts';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { copyText } from '../copyText.ts';
import { CHARTS, GROUPS, NO_CLASSROOM, viewOf, type Classroom, type EmbedChart, type Group, type ThemeChoice, type ViewId } from '../state/classroom.ts';
import { classroomView } from '../state/classroomView.ts';
import { getAppStore } from '../state/store.ts';
import { classroomHref } from '../state/urlSync.ts';
import { VIEWS } from '../state/views.ts';
import { stopIndexAt } from '../teach/player.ts';
import { stopsOf, teachStore, useTeach } from '../teach/teachStore.ts';

const CHART_NAMES: Record<EmbedChart, string> = {
  iterations: 'Iterations chart',
  timeline: 'Timeline chart',
  curves: 'Curves against the dirty rate',
  memory: 'Memory map with its player',
};

/** The player's stop (1-based) at its position, as the slider shows it. */
function currentStop(): number {
  const t = teachStore.getState();
  return stopIndexAt(stopsOf(t), t.position) + 1;
}

export function ShareDialog({ onClose, title = 'Share this lesson' }: { onClose(): void; title?: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const view = classroomView.getState();
  const lessonOpen = view.classroom.lesson !== null;
  const [hide, setHide] = useState<Group[]>(() => [...new Set([...view.classroom.hide, ...view.lessonHide])]);
  const [atStep, setAtStep] = useState(true);
  const [autoplay, setAutoplay] = useState(false);
  const [withLesson, setWithLesson] = useState(lessonOpen);
  const [theme, setTheme] = useState<ThemeChoice | 'any'>('any');
  const [large, setLarge] = useState(false);
  const [embed, setEmbed] = useState(false);
  const [chart, setChart] = useState<EmbedChart>('memory');
  const [openView, setOpenView] = useState<ViewId>(() => viewOf(view.classroom));
  const [status, setStatus] = useState('');
  const speed = useTeach((s) => s.speed);
  const granularity = useTeach((s) => s.granularity);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    const before = document.activeElement as HTMLElement | null;
    d.showModal();
    first.current?.focus();
    return () => {
      if (d.open) d.close();
      before?.focus();
    };
  }, []);

  const lesson = withLesson && lessonOpen;
  const teach = !embed && openView === 'teach';
  const link: Classroom = {
    ...NO_CLASSROOM,
    hide,
    teach,
    view: embed ? null : openView,
    step: atStep && teach && !lesson ? currentStop() : null,
    by: lesson ? null : granularity,
    speed: lesson ? null : speed,
    autoplay,
    theme: theme === 'any' ? null : theme,
    large: large ? true : null,
    embed,
    chart,
    lesson: lesson ? view.classroom.lesson : null,
    lessonStep: lesson ? view.classroom.lessonStep : null,
  };
  const href = classroomHref(getAppStore(), link);
  // Responsive: the frame takes its container's width and keeps an aspect ratio (embed pages fit 320 px up).
  const snippet = `<iframe src="${href.replace(/&/g, '&amp;')}" title="${CHART_NAMES[chart]}: pre-copy live migration" style="width:100%;aspect-ratio:${chart === 'memory' ? '4/5' : '16/11'};border:0" loading="lazy"></iframe>`;
  const toggle = (g: Group, on: boolean) => setHide(GROUPS.map((x) => x.id).filter((x) => (x === g ? on : hide.includes(x))));

  const copy = async (text: string, what: string) => {
    setStatus((await copyText(text)) ? `${what} copied` : `Copy failed: select the ${what.toLowerCase()} and copy it`);
  };

  // Tab stays inside the dialog (the page behind is inert, but Tab could leave for the browser's UI).
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab' || !dialog.current) return;
    const items = Array.from(dialog.current.querySelectorAll<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea, button:not([disabled])'));
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.shiftKey && i <= 0) {
      e.preventDefault();
      items[items.length - 1]?.focus();
    } else if (!e.shiftKey && i === items.length - 1) {
      e.preventDefault();
      items[0]?.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="share"
      aria-labelledby="share-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={onKeyDown}
    >
      <h2 id="share-title">{title}</h2>
      <p className="share__intro">Build a link for a class: what it opens, and which parts of the page it hides.</p>
      <p className="share__intro" data-testid="share-description">
        It opens {describeScenario(getAppStore().getState().scenario)}.
      </p>
      <div className="share__columns">
        <fieldset className="share__group">
          <legend>Hide these parts</legend>
          {GROUPS.map((g, i) => (
            <label key={g.id} className="share__check">
              <input ref={i === 0 ? first : undefined} type="checkbox" checked={hide.includes(g.id)} onChange={(e) => toggle(g.id, e.currentTarget.checked)} />
              {g.label}
            </label>
          ))}
        </fieldset>
        <fieldset className="share__group">
          <legend>Open with</legend>
          <span className="share__field">
            <label htmlFor="share-view">View</label>
            <select id="share-view" value={openView} disabled={embed} onChange={(e) => setOpenView(e.currentTarget.value as ViewId)}>
              {VIEWS.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                </option>
              ))}
            </select>
          </span>
          {lessonOpen ? (
            <label className="share__check">
              <input type="checkbox" checked={withLesson} onChange={(e) => setWithLesson(e.currentTarget.checked)} />
              This lesson, at step {view.classroom.lessonStep ?? 1}
            </label>
          ) : null}
          <label className="share__check">
            <input type="checkbox" checked={atStep} disabled={lesson || !teach} onChange={(e) => setAtStep(e.currentTarget.checked)} />
            The player at the current step ({currentStop()}, by {granularity}, {speed} steps/s)
          </label>
          <label className="share__check">
            <input type="checkbox" checked={autoplay} onChange={(e) => setAutoplay(e.currentTarget.checked)} />
            Start playing at once
          </label>
          <span className="share__field">
            <label htmlFor="share-theme">Theme</label>
            <select id="share-theme" value={theme} onChange={(e) => setTheme(e.currentTarget.value as ThemeChoice | 'any')}>
              <option value="any">the viewer’s own</option>
              <option value="light">light</option>
              <option value="dark">dark</option>
            </select>
          </span>
          <label className="share__check">
            <input type="checkbox" checked={large} onChange={(e) => setLarge(e.currentTarget.checked)} />
            Large type
          </label>
          <label className="share__check">
            <input type="checkbox" checked={embed} onChange={(e) => setEmbed(e.currentTarget.checked)} />
            Embed: one chart alone, for an iframe
          </label>
          <span className="share__field">
            <label htmlFor="share-chart">Chart</label>
            <select id="share-chart" value={chart} disabled={!embed} onChange={(e) => setChart(e.currentTarget.value as EmbedChart)}>
              {CHARTS.map((c) => (
                <option key={c} value={c}>
                  {CHART_NAMES[c]}
                </option>
              ))}
            </select>
          </span>
        </fieldset>
      </div>
      <label className="share__output">
        Link
        <textarea readOnly rows={3} value={href} data-testid="share-link" onFocus={(e) => e.currentTarget.select()} />
      </label>
      {embed ? (
        <label className="share__output">
          Embed code
          <textarea readOnly rows={3} value={snippet} data-testid="share-snippet" onFocus={(e) => e.currentTarget.select()} />
        </label>
      ) : null}
      <div className="share__actions">
        <button type="button" className="button button--primary" onClick={() => void copy(href, 'Link')}>
          Copy link
        </button>
        {embed ? (
          <button type="button" className="button" onClick={() => void copy(snippet, 'Embed code')}>
            Copy embed code
          </button>
        ) : null}
        <span role="status" className="share__status">
          {status}
        </span>
        <button type="button" className="button share__close" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
