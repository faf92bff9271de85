// User Timing: each scenario change is marked at its input event; "update" is measured in the frame
// in which the summary and the per-iteration chart first show a result at least that new, "curves" in
// the frame in which the curves do. A change superseded before its own result arrived is measured to
// the newer result that replaced it, so every change gets exactly one of each measure.
// Ticking a compared policy changes no scenario: it is marked `compare:<n>` and "compare" is measured
// in the frame in which the curves with that set of policies are complete.

const pending = { update: [] as number[], curves: [] as number[] };
const MAX_PENDING = 500;
/** Past this many measures of a name the oldest are cleared (an hour of dragging must not leak). */
const MAX_MEASURES = 5000;

const markName = (seq: number) => `input:${seq}`;

function hasPerformance(): boolean {
  return typeof performance !== 'undefined' && typeof performance.mark === 'function';
}

export function markInput(seq: number): void {
  if (!hasPerformance()) return;
  performance.mark(markName(seq), { detail: { seq } });
  for (const list of Object.values(pending)) {
    list.push(seq);
    if (list.length > MAX_PENDING) list.shift();
  }
}

/** Measures every pending change up to `seq`; call it from the frame that shows `seq`'s result. */
export function measureShown(name: 'update' | 'curves', seq: number): void {
  if (!hasPerformance()) return;
  const list = pending[name];
  while (list.length && list[0] <= seq) {
    const s = list.shift()!;
    try {
      performance.measure(name, { start: markName(s), detail: { seq: s } });
    } catch {
      // The mark was cleared (pending list overflowed); nothing to measure.
    }
    const other = name === 'update' ? pending.curves : pending.update;
    if (!other.includes(s)) performance.clearMarks(markName(s));
  }
  if (performance.getEntriesByName(name, 'measure').length > MAX_MEASURES) performance.clearMeasures(name);
}

const pendingCompare: number[] = [];
let compareCount = 0;

/** Marks a change of the compared policies (a toggle in the curves' toolbar). */
export function markCompare(): void {
  if (!hasPerformance()) return;
  const n = ++compareCount;
  performance.mark(`compare:${n}`);
  pendingCompare.push(n);
  if (pendingCompare.length > MAX_PENDING) performance.clearMarks(`compare:${pendingCompare.shift()}`);
}

/** Measures every pending toggle; call it from the frame that shows complete curves for the newest set. */
export function measureCompare(): void {
  if (!hasPerformance()) return;
  while (pendingCompare.length) {
    const n = pendingCompare.shift()!;
    try {
      performance.measure('compare', { start: `compare:${n}`, detail: { toggle: n } });
    } catch {
      // The mark was cleared; nothing to measure.
    }
    performance.clearMarks(`compare:${n}`);
  }
  if (performance.getEntriesByName('compare', 'measure').length > MAX_MEASURES) performance.clearMeasures('compare');
}

/** Runs `fn` in the next animation frame: the frame that paints what was just committed. */
export function inNextFrame(fn: () => void): () => void {
  const id = requestAnimationFrame(fn);
  return () => cancelAnimationFrame(id);
}
