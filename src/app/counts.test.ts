// One vocabulary of counts (docs/TEACHING.md, "Counting"): for every preset and every lesson step, the
// summary, the timeline, the per-iteration chart, the narration, the lesson text and the exports give
// the same number of iterations (the last included) and of live iterations.
import { csvParse } from 'd3';
import { describe, expect, it } from 'vitest';
import { ReplayLimitError, recordRun, simulate, type EndEvent, type ReplayEvent, type RunResult, type Scenario } from '../model/index.ts';
import { PRESETS } from '../model/presets.ts';
import { countsBreakdown, runCounts } from '../model/words/counts.ts';
import { iterationSummary } from './charts/iterations.ts';
import { timelinePhases, timelineStages, timelineSummary } from './charts/timeline.ts';
import { resultCsv, resultJson } from './export/resultData.ts';
import { LESSONS, stepScenario } from './teach/lessons.ts';
import { stepWords } from './teach/lessonText.ts';
import { narrate, narrationText, type StepContext } from './teach/narrate.ts';

/** "12 iterations: 11 live …" -> [12, 11]; "2 iterations: the switch-over …" -> [2, 0]. */
function parseCounts(text: string): [number, number] {
  const m = /(\d[\d,]*) iterations?: (?:(\d[\d,]*) live)?/.exec(text);
  expect(m, text).not.toBeNull();
  return [Number(m![1].replace(/,/g, '')), m![2] ? Number(m![2].replace(/,/g, '')) : 0];
}

/** The counts as the model defines them, worked out independently of counts.ts. */
function expected(s: Scenario, r: RunResult): [number, number] {
  const postcopy = s.policy === 'postcopy' || s.policy === 'hybrid';
  return [r.iterations, r.iterations - 1 - (postcopy ? 1 : 0)];
}

/** The run's end as the narration tells it: from the replay's own log where the replay takes the VM. */
function endEvent(s: Scenario, r: RunResult): EndEvent {
  try {
    const events: ReplayEvent[] = recordRun(s).events;
    return events.find((e): e is EndEvent => e.kind === 'end')!;
  } catch (error) {
    if (!(error instanceof ReplayLimitError)) throw error;
    return { kind: 'end', atS: r.migrationTimeS, iteration: r.iterations, writes: 0, migrationTimeS: r.migrationTimeS, downtimeS: r.downtimeS, iterations: r.iterations, totalSent: r.pagesSent, stopReason: r.stopReason } as EndEvent;
  }
}

function ctxFor(s: Scenario, r: RunResult): StepContext {
  return {
    policy: s.policy,
    pages: (s.vmMiB * 2 ** 20) / s.pageBytes,
    granularity: 'iteration',
    counts: new Array(8).fill(0),
    iteration: { sent: 0, skipped: 0, startS: 0, batch: 0, batches: 0 },
    totalSent: r.pagesSent,
    dirtied: { pages: 0, alreadySent: 0, sentEarlier: 0 },
    cleaned: null,
    pagesPerSecond: 1,
    run: { migrationTimeS: r.migrationTimeS, downtimeS: r.downtimeS, iterations: r.iterations },
  };
}

const cases: { name: string; scenario: Scenario; lesson?: (typeof LESSONS)[number]['steps'][number] }[] = [
  ...PRESETS.map((p) => ({ name: `preset ${p.id}`, scenario: p.scenario })),
  ...LESSONS.flatMap((l) => l.steps.map((st, i) => ({ name: `lesson ${l.id} step ${i + 1}`, scenario: stepScenario(st), lesson: st }))),
];

describe('every surface gives the same counts', () => {
  for (const c of cases) {
    it(c.name, () => {
      const s = c.scenario;
      const r = simulate(s);
      const [n, live] = expected(s, r);
      // Summary: the Iterations card's number and its breakdown ("11 live + stop-and-copy").
      expect(r.iterations).toBe(n);
      const breakdown = countsBreakdown(runCounts(r));
      expect(Number(/^(\d+) live/.exec(breakdown)?.[1] ?? 0)).toBe(live);
      // Timeline: the pre-copy phase label counts the live iterations; its summary the whole run.
      const stages = timelineStages(s, r);
      const pre = timelinePhases(stages).find((p) => p.kind === 'iteration');
      expect(pre ? Number(/(\d+) live iteration/.exec(pre.variants[1])![1]) : 0).toBe(live);
      expect(parseCounts(timelineSummary(stages, r))).toEqual([n, live]);
      // The per-iteration chart: one bar group per record, and the same counts in its summary.
      expect(r.perIteration).toHaveLength(n);
      expect(parseCounts(iterationSummary(r))).toEqual([n, live]);
      // Narration at the end of the run.
      expect(parseCounts(narrationText(narrate(endEvent(s, r), ctxFor(s, r))))).toEqual([n, live]);
      // Exports: one CSV row per iteration, "live" for the live ones; the JSON's counts.
      const rows = csvParse(resultCsv(r, s));
      expect(rows).toHaveLength(n);
      expect(rows.filter((row) => row.phase === 'live')).toHaveLength(live);
      const json = JSON.parse(resultJson(s, r, null));
      expect([json.counts.iterations, json.counts.live]).toEqual([n, live]);
      // The lesson's text, where it quotes the counts.
      if (c.lesson?.text.includes('{counts}')) expect(parseCounts(stepWords(c.lesson).text)).toEqual([n, live]);
    });
  }
});
