// Which VM to migrate first, for VMs on one host ("Performance Analysis during Live Migration"): the one
// with the least total migration time; when two take the same time, the one with less downtime. The
// alternative order, by downtime alone, is what a latency-sensitive operator might prefer instead.

export interface Candidate {
  id: string;
  migrationTimeS: number;
  downtimeS: number;
}

/** Times this close (relative) count as the same, so the other measure decides. */
export const SAME_TIME_TOLERANCE = 0.01;

function sameTime(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_TIME_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

type Measure = 'migrationTimeS' | 'downtimeS';

/**
 * Sorts by `first`; candidates within 1 % of the fastest of their group form one group, ordered by
 * `second` (then `first`, then id). Grouping, not a pairwise "within 1 %" comparison, which does not
 * chain (100 s, 100.9 s, 101.8 s) and would make the order depend on the input's order.
 */
function rank<T extends Candidate>(candidates: readonly T[], first: Measure, second: Measure): T[] {
  const sorted = [...candidates].sort((a, b) => a[first] - b[first] || a[second] - b[second] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: T[] = [];
  for (let i = 0; i < sorted.length; ) {
    let end = i + 1;
    while (end < sorted.length && sameTime(sorted[i][first], sorted[end][first])) end++;
    const group = sorted.slice(i, end).sort((a, b) => a[second] - b[second] || a[first] - b[first] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    out.push(...group);
    i = end;
  }
  return out;
}

/** The paper's order: least migration time first; within 1 % of a group's quickest, less downtime first. */
export function rankByMigrationTime<T extends Candidate>(candidates: readonly T[]): T[] {
  return rank(candidates, 'migrationTimeS', 'downtimeS');
}

/** The alternative: least downtime first; within 1 % of each other, less migration time first. */
export function rankByDowntime<T extends Candidate>(candidates: readonly T[]): T[] {
  return rank(candidates, 'downtimeS', 'migrationTimeS');
}
