// The command line, run as a user runs it: the bundle behind `npm run simulate` and `npx precopy-sim`, in a
// child process (tests/cli/globalSetup.ts builds it when the sources are newer).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3';
import { DEFAULT_SCENARIO, bounds, simulate } from '../../src/model/index.ts';
import { CLI_BUNDLE } from '../../scripts/cli-bundle.ts';

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI_BUNDLE, ...args], { encoding: 'utf8', input, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('simulate CLI', () => {
  it('prints a summary and a per-iteration table by default', () => {
    const { code, out, err } = cli(['--rate', '20000']);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatch(/Migration time\s+33\.02 s/);
    expect(out).toMatch(/Iterations\s+8, stopped by: .*\(max-data-factor\)/);
    expect(out.split('\n').filter((l) => /^\s+\d+\s+\d/.test(l))).toHaveLength(8);
    expect(out).toContain('stop-and-copy');
  });

  it('--json gives the documented fields, equal to the model', () => {
    const { code, out } = cli(['--vm', '512', '--link', '94.2', '--rate', '3000', '--json']);
    expect(code).toBe(0);
    const { scenario, result } = JSON.parse(out);
    expect(scenario).toEqual({ ...DEFAULT_SCENARIO, vmMiB: 512, linkMbps: 94.2, dirtyRate: 3000 });
    expect(result).toEqual(simulate(scenario));
    expect(Object.keys(result)).toEqual(['migrationTimeS', 'downtimeS', 'iterations', 'pagesSent', 'stopReason', 'perIteration']);
    expect(Object.keys(result.perIteration[0]).sort()).toEqual(['endS', 'final', 'iteration', 'pagesDirtied', 'pagesSent', 'pagesSkipped', 'startS']);
  });

  it('--sweep writes CSV for each link over log-spaced rates', () => {
    const { code, out } = cli(['--sweep', '--vm', '256', '--points', '5', '--rate-min', '10', '--rate-max', '100000']);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('link_mbps,rate,migration_time_s,downtime_s,iterations,pages_sent');
    const rows = csvParse(out.trim());
    expect(rows).toHaveLength(15);
    expect(rows.slice(0, 5).map((r) => Number(r.rate))).toEqual([10, 100, 1000, 10000, 100000]);
    expect(new Set(rows.map((r) => r.link_mbps))).toEqual(new Set(['94.2', '935', '7120']));
    const idle = bounds({ ...DEFAULT_SCENARIO, vmMiB: 256, linkMbps: 7120 });
    const row = rows.find((r) => r.link_mbps === '7120' && r.rate === '10')!;
    expect(Number(row.migration_time_s)).toBeGreaterThanOrEqual(idle.migrationTimeS.lower);
  });

  it('--batch answers each line and reports bad lines by number, exit 2', () => {
    const input = ['{"vm":512,"link":935,"rate":20000}', '{"vm":-1}', '', 'not json', '{"rate":5,"colour":"red"}', '{"pattern":"uniform","rate":1000}'].join('\n');
    const { code, out, err } = cli(['--batch'], input);
    expect(code).toBe(2);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0].result.iterations).toBe(simulate({ ...DEFAULT_SCENARIO, vmMiB: 512, dirtyRate: 20000 }).iterations);
    expect(lines[1]).toEqual({ line: 2, error: expect.stringContaining('--vm') });
    expect(lines[2]).toEqual({ line: 4, error: 'not a JSON object' });
    expect(lines[3].error).toContain('colour');
    expect(lines[4].scenario.pattern).toBe('uniform');
    expect(err).toContain('line 2: --vm must be');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('--exact runs page by page with the seed', () => {
    const a = JSON.parse(cli(['--vm', '16', '--pattern', 'uniform', '--rate', '2000', '--link', '20', '--exact', '--seed', '1', '--json']).out);
    const b = JSON.parse(cli(['--vm', '16', '--pattern', 'uniform', '--rate', '2000', '--link', '20', '--exact', '--seed', '2', '--json']).out);
    expect(a.result.perIteration.map((i: { pagesSent: number }) => i.pagesSent)).not.toEqual(b.result.perIteration.map((i: { pagesSent: number }) => i.pagesSent));
  });

  it.each([
    [['--vm', '-5'], '--vm', 'above 0'],
    [['--vm', 'lots'], '--vm', 'MiB'],
    [['--rate', 'NaN'], '--rate', 'from 0 to'],
    [['--rate', 'Infinity'], '--rate', 'pages/s'],
    [['--link', '1e400'], '--link', 'Mbit/s'],
    [['--page', '3000'], '--page', 'power of two'],
    [['--wss', '300000'], '--wss', 'at most the VM'],
    [['--pattern', 'zigzag'], '--pattern', 'sequential, uniform, hotcold'],
    [['--hot-share', '2'], '--hot-share', 'from 0 to 1'],
    [['--policy', 'kvm'], '--policy', 'one of xen'],
    [['--colour', 'red'], '--colour', 'Unknown option'],
    [['--vm'], '--vm', 'needs a value'],
    [['--sweep', '--points', '-1'], '--points', 'whole number'],
    [['--sweep', '--links', '94.2,fast'], '--links', 'comma-separated'],
  ])('rejects %j naming the flag, exit 2', (args, flag, range) => {
    const { code, out, err } = cli(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(flag);
    expect(err).toContain(range);
  });

  it('finishes a 4 TiB VM near the knee without running out of memory', () => {
    const { code, out } = cli(['--vm', '4194304', '--rate', '28000', '--json']);
    expect(code).toBe(0);
    const { result } = JSON.parse(out);
    expect(result.iterations).toBeLessThanOrEqual(30);
    expect(result.pagesSent).toBeGreaterThan(4194304 * 256);
  });

  it('refuses a page-exact run too large to do, saying why', () => {
    const { code, err } = cli(['--vm', '1048576', '--exact']);
    expect(code).toBe(2);
    expect(err).toMatch(/at most \d+ pages/);
  });
});

describe('simulate CLI policies', () => {
  it.each([
    ['xen', 'max-data-factor'],
    ['xen-v2', 'max-iterations'],
    ['qemu', 'within-downtime-limit'],
    ['postcopy', 'postcopy'],
    ['hybrid', 'postcopy-hybrid'],
  ])('--policy %s runs that policy', (policy, reason) => {
    const { code, out } = cli(['--policy', policy, '--rate', '20000', '--json']);
    expect(code).toBe(0);
    const { scenario, result } = JSON.parse(out);
    expect(scenario.policy).toBe(policy);
    expect(result.stopReason).toBe(reason);
    expect(result).toEqual(simulate(scenario));
  });

  it('reports QEMU non-convergence with the downtime it needed, and auto-converge throttle steps', () => {
    const stuck = ['--policy', 'qemu', '--pattern', 'uniform', '--wss', '50000', '--rate', '100000', '--timeout', '60'];
    const plain = JSON.parse(cli([...stuck, '--json']).out).result;
    expect(plain.stopReason).toBe('no-convergence');
    expect(plain.requiredDowntimeS).toBeGreaterThan(0.3);
    const throttled = cli([...stuck, '--auto-converge']);
    expect(throttled.out).toMatch(/Throttle\s+20% at/);
    expect(throttled.out).toContain('within-downtime-limit');
  });

  it.each([
    [['--vcpu-limit', '0'], '--vcpu-limit'],
    [['--zero-fraction', '1.2'], '--zero-fraction'],
    [['--compression-ratio', '0.5'], '--compression-ratio'],
    [['--downtime-limit', 'soon'], '--downtime-limit'],
  ])('rejects %j', (args, flag) => {
    const { code, err } = cli(args);
    expect(code).toBe(2);
    expect(err).toContain(flag);
  });
});

describe('simulate CLI with a trace', () => {
  it('runs the shipped trace from a start time and reports the range over start times', () => {
    const { code, out } = cli(['--trace', 'public/traces/nfs-rising.csv', '--start', '300', '--json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(parsed.scenario.traceStartS).toBe(300);
    expect(parsed.trace.rows).toBe(601);
    const { migrationTimeS, downtimeS } = parsed.trace.overStarts;
    expect(migrationTimeS.min.value).toBeLessThanOrEqual(parsed.result.migrationTimeS);
    expect(migrationTimeS.max.value).toBeGreaterThanOrEqual(parsed.result.migrationTimeS);
    expect(downtimeS.max.value).toBeGreaterThan(downtimeS.min.value);
  });

  it('names the bad line of a trace, exit 2', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'trace-')), 'bad.csv');
    writeFileSync(file, 'time_s,dirty_pages_per_s\n0,100\n1,200\n2,-5\n');
    const { code, out, err } = cli(['--trace', file]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('line 4');
  });

  it('refuses --rate with --trace and --start without it', () => {
    expect(cli(['--trace', 'public/traces/nfs-rising.csv', '--rate', '5']).err).toContain('--rate cannot be used with --trace');
    expect(cli(['--start', '5']).err).toContain('--start needs --trace');
  });
});

describe('QEMU 7.2 loop on the command line (issue 12)', () => {
  it('--json gives syncs beside the passes; the text names both and says when a timeout paused the guest', () => {
    const args = ['--policy', 'qemu', '--vm', '256', '--wss', '65242', '--rate', '10000', '--max-bandwidth', '32', '--link', '10000', '--pre', '0', '--post', '0', '--timeout', '30'];
    const { result } = JSON.parse(cli([...args, '--json']).out);
    expect(result.stopReason).toBe('no-convergence');
    // QEMU 7.2 counted 4 syncs by 30 s; the model's forced switch-over adds its last two.
    expect(result.syncs).toBe(6);
    const text = cli(args).out;
    expect(text).toMatch(/Syncs\s+6 \(QEMU's dirty-sync-count; the iterations above are passes\)/);
    expect(text).toMatch(/Timeout\s+expired at 30 s, during iteration 4: the guest was paused then/);
  });

  it('takes --writer-cpu in (0, 1] and refuses 0 with its range', () => {
    expect(JSON.parse(cli(['--policy', 'qemu', '--writer-cpu', '0.01', '--json']).out).scenario.writerCpu).toBe(0.01);
    const { code, err } = cli(['--writer-cpu', '0']);
    expect(code).toBe(2);
    expect(err).toContain('--writer-cpu');
  });
});
