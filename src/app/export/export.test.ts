import { csvParse } from 'd3';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../cli/args.ts';
import { DEFAULT_SCENARIO, simulate, type Scenario } from '../../model/index.ts';
import { PRESETS } from '../../model/presets.ts';
import { cliCommand } from './cliCommand.ts';
import { FIELDS, MODEL_VERSION } from '../../model/index.ts';
import { fieldText } from '../state/url.ts';
import { OVERLAY_TEXT } from '../state/overlays.ts';
import { CSV_COLUMNS, CSV_SCENARIO_COLUMNS, RESULT_FORMAT_VERSION, resultCsv, resultJson } from './resultData.ts';
import { exportBaseName, scenarioCaption } from './scenarioText.ts';

/** Splits a command written by cliCommand back into words (it quotes only with single quotes). */
function shellSplit(text: string): string[] {
  return [...text.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]));
}

function argvOf(text: string): string[] {
  const words = shellSplit(text);
  expect(words.slice(0, 5)).toEqual(['npm', 'run', '--silent', 'simulate', '--']);
  return words.slice(5);
}

const varied: Scenario = {
  ...DEFAULT_SCENARIO,
  vmMiB: 4096,
  linkMbps: 7120,
  dirtyRate: 31_250.5,
  pattern: 'hotcold',
  wssPages: 200_000,
  hotFraction: 0.25,
  policy: 'qemu',
  autoConverge: true,
  downtimeLimitMs: 50,
  compressMbps: 2000,
  zeroFraction: 0.125,
};

describe('result CSV', () => {
  it('round-trips through csvParse to the run numbers, one row per iteration', () => {
    const result = simulate(varied);
    const rows = csvParse(resultCsv(result, varied));
    expect(rows.columns).toEqual([...CSV_COLUMNS, ...CSV_SCENARIO_COLUMNS]);
    expect(rows).toHaveLength(result.perIteration.length);
    rows.forEach((row, i) => {
      const it = result.perIteration[i];
      expect(Number(row.iteration)).toBe(it.iteration);
      expect(Number(row['start (s)'])).toBe(it.startS);
      expect(Number(row['end (s)'])).toBe(it.endS);
      expect(Number(row['pages sent'])).toBe(it.pagesSent);
      expect(Number(row['pages skipped'])).toBe(it.pagesSkipped);
      expect(Number(row['pages dirtied'])).toBe(it.pagesDirtied);
      expect(Number(row['MiB sent'])).toBeCloseTo((it.pagesSent * varied.pageBytes) / 2 ** 20, 9);
      expect(row.phase).toBe(it.final ? 'stop-and-copy' : 'live');
      // Every row carries the model version and the whole scenario, so the file reproduces itself.
      expect(row['model version']).toBe(MODEL_VERSION);
      for (const f of FIELDS) expect(row[`scenario ${f.flag}`]).toBe(fieldText((varied as unknown as Record<string, unknown>)[f.key]));
    });
  });

  it('labels the post-copy phase', () => {
    const result = simulate({ ...DEFAULT_SCENARIO, policy: 'postcopy', dirtyRate: 5000 });
    const phases = csvParse(resultCsv(result, { ...DEFAULT_SCENARIO, policy: 'postcopy', dirtyRate: 5000 })).map((r) => r.phase);
    // Post-copy's paused record is the switch-over (state only), then the post-copy phase.
    expect(phases).toEqual(['switch-over', 'post-copy']);
  });
});

describe('result JSON', () => {
  it('holds the format version, the scenario, the trace file and the result', () => {
    const result = simulate(varied);
    const file = JSON.parse(resultJson(varied, result, { kind: 'shipped', name: 'nfs-rising' }));
    expect(file.version).toBe(RESULT_FORMAT_VERSION);
    expect(file.modelVersion).toBe(MODEL_VERSION);
    expect(file.counts).toEqual({ iterations: result.iterations, live: result.iterations - 1, last: 'stop-and-copy', postcopyPhase: false });
    expect(file.description).toContain('auto-converge on');
    expect(file.scenario).toEqual(varied);
    expect(file.result).toEqual(result);
    expect(file.trace).toEqual({ kind: 'shipped', name: 'nfs-rising', file: 'public/traces/nfs-rising.csv' });
    expect(JSON.parse(resultJson(varied, result, null)).trace).toBeNull();
  });
});

describe('CLI command', () => {
  it('parses back to the same scenario with the CLI parser', () => {
    for (const s of [DEFAULT_SCENARIO, varied, ...PRESETS.map((p) => ({ ...DEFAULT_SCENARIO, ...p.scenario }))]) {
      const command = cliCommand(s, null);
      const parsed = parseCommand(argvOf(command.text));
      expect(parsed.scenario).toEqual(s);
      expect(parsed.tracePath).toBeNull();
      expect(simulate(parsed.scenario)).toEqual(simulate(s));
      expect(command.note).toBeNull();
    }
  });

  it('writes only the flags that differ from the defaults', () => {
    expect(cliCommand(DEFAULT_SCENARIO, null).text).toBe('npm run --silent simulate --');
    expect(cliCommand({ ...DEFAULT_SCENARIO, dirtyRate: 20000 }, null).args).toEqual(['--rate', '20000']);
  });

  it('names a shipped trace by its path and leaves out the rate it replaces', () => {
    const s = { ...varied, traceStartS: 120 };
    const command = cliCommand(s, { kind: 'shipped', name: 'mapreduce-phases' });
    const parsed = parseCommand(argvOf(command.text));
    expect(parsed.tracePath).toBe('public/traces/mapreduce-phases.csv');
    expect(parsed.scenario).toEqual({ ...s, dirtyRate: DEFAULT_SCENARIO.dirtyRate });
    expect(command.note).toBeNull();
  });

  it('says that an uploaded trace cannot be named by its path, and quotes the file name', () => {
    const command = cliCommand(DEFAULT_SCENARIO, { kind: 'upload', name: "my trace's.csv" });
    expect(command.note).toMatch(/not known to the browser/);
    expect(parseCommand(argvOf(command.text)).tracePath).toBe("my trace's.csv");
  });
});

describe('file names and captions', () => {
  it('say the chart, VM, link and rate or trace', () => {
    expect(exportBaseName('iterations', { ...DEFAULT_SCENARIO, dirtyRate: 20000 }, null)).toBe('precopy-iterations-1GiB-935Mbps-20000pps');
    // Every setting that is not the default follows, in the scenario description's words.
    expect(exportBaseName('curves', { ...varied, traceStartS: 30 }, { kind: 'upload', name: 'My run (2).csv' })).toBe(
      'precopy-curves-4GiB-7.12Gbps-trace-My-run-2-start30s-qemu-hotcold-writes-working-set-200-000-pages-781.25-mib-hot-set-25-of-the-working-set-downtime-limit-50.0-ms',
    );
    expect(exportBaseName('curves', { ...DEFAULT_SCENARIO, policy: 'qemu', autoConverge: true }, null)).toBe('precopy-curves-1GiB-935Mbps-0pps-qemu-auto-converge-on');
    expect(scenarioCaption({ ...DEFAULT_SCENARIO, dirtyRate: 20000 }, null)).toBe(
      'Xen 3.x (Akoush) (at most 29 iterations, stop under 50 pages, data limit 3× the VM): 1 GiB VM, 935 Mbit/s link, 20,000 pages/s dirtied.',
    );
  });

  it('the caption names the compared policies and each pin by how it differs', () => {
    const pinned = { ...DEFAULT_SCENARIO, dirtyRate: 20000, policy: 'qemu' as const, autoConverge: true };
    const caption = scenarioCaption({ ...DEFAULT_SCENARIO, dirtyRate: 20000 }, null, { compare: ['qemu', 'postcopy'], pins: [{ name: 'AC', scenario: pinned }] });
    expect(caption).toContain('Compared with QEMU/KVM and Post-copy.');
    expect(caption).toContain('Pinned: AC (QEMU/KVM, downtime limit 300 ms, max-bandwidth 128 MiB/s, auto-converge on, timeout 150 s).');
  });

  it('the caption names what is drawn over the curves, and says nothing when nothing is', () => {
    const s = { ...DEFAULT_SCENARIO, dirtyRate: 20000 };
    const caption = scenarioCaption(s, null, { overlays: [OVERLAY_TEXT.model, OVERLAY_TEXT.qemu72] });
    expect(caption).toContain('Drawn over the curves: the closed form and RAM / bandwidth for the current link and the QEMU 7.2 measured runs.');
    expect(scenarioCaption(s, null, { overlays: [] })).toBe(scenarioCaption(s, null));
    expect(scenarioCaption(s, null)).not.toContain('Drawn over');
  });
});
