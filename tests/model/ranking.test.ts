import { describe, expect, it } from 'vitest';
import { rankByDowntime, rankByMigrationTime } from '../../src/model/ranking.ts';

const vm = (id: string, migrationTimeS: number, downtimeS: number) => ({ id, migrationTimeS, downtimeS });
const ids = (list: { id: string }[]) => list.map((c) => c.id);

describe('which VM to migrate first', () => {
  // A constructed host: the fastest migration has the worst downtime; two VMs tie on time.
  const host = [vm('web', 30, 0.4), vm('db', 12, 2.5), vm('cache', 20.1, 0.9), vm('batch', 20, 0.3)];

  it('puts the least total migration time first, and breaks a tie by downtime', () => {
    // cache (20.1 s) and batch (20 s) are within 1 %: batch's smaller downtime puts it first.
    expect(ids(rankByMigrationTime(host))).toEqual(['db', 'batch', 'cache', 'web']);
  });

  it('does not let downtime override a real difference in migration time', () => {
    expect(ids(rankByMigrationTime([vm('a', 10, 5), vm('b', 11, 0.1)]))).toEqual(['a', 'b']);
  });

  it('ranks by downtime as the alternative, migration time deciding between equal downtimes', () => {
    expect(ids(rankByDowntime(host))).toEqual(['batch', 'web', 'cache', 'db']);
    // Two idle VMs: the same downtime up to float noise; the quicker migration goes first.
    expect(ids(rankByDowntime([vm('slow', 13.3, 0.31400001), vm('quick', 5.4, 0.314)]))).toEqual(['quick', 'slow']);
  });

  it('gives the same order whatever the order of the pins, even when "within 1 %" would chain', () => {
    const chain = [vm('a', 100, 3), vm('b', 100.9, 2), vm('c', 101.8, 1), vm('d', 50, 9)];
    const permutations = (xs: typeof chain): (typeof chain)[] =>
      xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
    const orders = new Set(permutations(chain).map((p) => ids(rankByMigrationTime(p)).join()));
    // a and b are within 1 % of a (the group's quickest); c is not: it follows.
    expect([...orders]).toEqual(['d,b,a,c']);
    expect(new Set(permutations(chain).map((p) => ids(rankByDowntime(p)).join())).size).toBe(1);
  });

  it('leaves its input alone', () => {
    const copy = [...host];
    rankByMigrationTime(host);
    rankByDowntime(host);
    expect(host).toEqual(copy);
  });
});
