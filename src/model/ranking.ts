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

/** The paper's order: least migration time first; within 1 % of each other, less downtime first. */
export function rankByMigrationTime<T extends Candidate>(candidates: readonly T[]): T[] {
  return [...candidates].sort((a, b) => {
    if (!sameTime(a.migrationTimeS, b.migrationTimeS)) return a.migrationTimeS - b.migrationTimeS;
    return a.downtimeS - b.downtimeS || a.migrationTimeS - b.migrationTimeS;
  });
}

/** The alternative: least downtime first; within 1 % of each other, less migration time first. */
export function rankByDowntime<T extends Candidate>(candidates: readonly T[]): T[] {
  return [...candidates].sort((a, b) => {
    if (!sameTime(a.downtimeS, b.downtimeS)) return a.downtimeS - b.downtimeS;
    return a.migrationTimeS - b.migrationTimeS || a.downtimeS - b.downtimeS;
  });
}
