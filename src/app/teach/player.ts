// The player's arithmetic, kept pure for Vitest: where a step forward or back lands among the stops
// (event indices from stepIndices), and how many steps a frame of play owes at a given speed.

/** Speeds the player offers, in steps per second. */
export const SPEEDS = [1, 2, 5, 10, 30, 60] as const;
export type Speed = (typeof SPEEDS)[number];

/** The first stop after `position`, or `position` itself when there is none. */
export function nextStop(stops: ArrayLike<number>, position: number): number {
  let lo = 0;
  let hi = stops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stops[mid] <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo < stops.length ? stops[lo] : position;
}

/** The last stop before `position`, or `position` itself when there is none. */
export function prevStop(stops: ArrayLike<number>, position: number): number {
  let lo = 0;
  let hi = stops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stops[mid] < position) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? stops[lo - 1] : position;
}

/** The 0-based index of the last stop at or before `position` (0 when there is none): the slider's value. */
export function stopIndexAt(stops: ArrayLike<number>, position: number): number {
  let lo = 0;
  let hi = stops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stops[mid] <= position) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** Moves `steps` stops forward from `position` (stopping at the last). */
export function advance(stops: ArrayLike<number>, position: number, steps: number): number {
  let p = position;
  for (let i = 0; i < steps; i++) {
    const n = nextStop(stops, p);
    if (n === p) break;
    p = n;
  }
  return p;
}

/** Whether no stop lies after `position`. */
export function atEnd(stops: ArrayLike<number>, position: number): boolean {
  return nextStop(stops, position) === position;
}

/**
 * Steps owed after `elapsedMs` of play at `speed` steps/s, given the fraction of a step carried from
 * the last frame: returns the whole steps and the new carry. A long pause (a hidden tab) owes at most
 * one step, so play resumes where it was instead of leaping.
 */
export function stepsDue(elapsedMs: number, speed: number, carry: number): { steps: number; carry: number } {
  const owed = carry + (Math.min(Math.max(elapsedMs, 0), 250) * speed) / 1000;
  const steps = Math.floor(owed);
  return { steps, carry: owed - steps };
}

/** The grid of cells the map draws a VM of `pages` pages on: a page per cell up to `maxSide` squared. */
export function cellGrid(pages: number, maxSide = 512): { cellsX: number; cellsY: number } {
  const side = Math.min(maxSide, Math.max(1, Math.ceil(Math.sqrt(pages))));
  const cellsY = Math.min(maxSide, Math.max(1, Math.ceil(pages / side)));
  return { cellsX: side, cellsY };
}
