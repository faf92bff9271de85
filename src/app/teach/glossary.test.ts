// Every term of the domain the UI uses has a glossary entry: the app's strings (source of src/app
// without comments and tests) and the narration of a run of every policy are scanned for the words of
// the field below; each one found must lead to an entry. The list is wider than the glossary on
// purpose: a new word of the field written into the UI fails here until it is explained.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, POLICIES, recordRun, type ReplayEvent, type Scenario } from '../../model/index.ts';
import { GLOSSARY, GLOSSARY_TERMS, glossaryEntry } from './glossary.ts';
import { narrate, narrationText, type StepContext } from './narrate.ts';

/** Words of live migration a student may not know (singular forms; the scan also finds plurals). */
const DOMAIN_WORDS = [
  'to-send list', 'dirty bitmap', 'clean', 'peek', 'skip', 'goodput', 'stop-and-copy', 'switch-over', 'commitment', 'activation',
  'working set', 'writable working set', 'hot set', 'throttle', 'fault', 'remote fault', 'push', 'iteration', 'live iteration', 'pass',
  'batch', 'syncs', 'dirty-sync-count', 'downtime', 'downtime limit', 'max-bandwidth', 'auto-converge', 'timeout', 'pre-copy', 'post-copy',
  'dirty page', 'zero page', 'compression', 'effective rate', 'data limit', 'vCPU limit', 'degraded', 'convergence',
  'pre-migration overhead', 'post-migration overhead', 'end game', 'XBZRLE', 'multifd', 'dirty ring', 'userfaultfd', 'page fault',
  'huge page', 'balloon', 'checkpoint', 'shadow page table', 'write protection', 'PML', 'RDMA', 'dirty log',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !/test-fixtures/.test(name) ? [path] : [];
  });
}

/** A file's text without its comments (what can reach the screen: strings, JSX text). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function narrationOf(s: Scenario): string[] {
  const { events, result } = recordRun(s);
  const pages = (s.vmMiB * 2 ** 20) / s.pageBytes;
  return events.flatMap((e: ReplayEvent) =>
    (['batch', 'iteration'] as const).map((granularity) => {
      const ctx: StepContext = {
        policy: s.policy,
        pages,
        granularity,
        counts: new Array(8).fill(pages / 8),
        iteration: { sent: 100, skipped: 10, startS: 0, batch: 1, batches: 2 },
        totalSent: 100,
        dirtied: { pages: 50, alreadySent: 20, sentEarlier: 5 },
        cleaned: { pages: 50, alreadySent: 20, sentEarlier: 5 },
        pagesPerSecond: 1000,
        run: { migrationTimeS: result.migrationTimeS, downtimeS: result.downtimeS, iterations: result.iterations },
      };
      return narrationText(narrate(e, ctx));
    }),
  );
}

const uiText = sourceFiles(join(__dirname, '..')).map((f) => withoutComments(readFileSync(f, 'utf8'))).join('\n');
const narration = POLICIES.flatMap((policy) =>
  narrationOf({ ...DEFAULT_SCENARIO, vmMiB: 16, policy, dirtyRate: 3000, pattern: 'uniform', autoConverge: policy === 'qemu' }),
).join('\n');

const found = (text: string, word: string) => new RegExp(`(^|[^\\w-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(e?s)?($|[^\\w-])`, 'i').test(text);

describe('glossary', () => {
  it('has an entry for each term the issue lists', () => {
    for (const term of ['to-send list', 'dirty bitmap', 'clean', 'peek', 'skip', 'goodput', 'stop-and-copy', 'switch-over', 'commitment', 'activation', 'working set', 'throttle', 'fault', 'push']) {
      expect(glossaryEntry(term), term).not.toBeNull();
    }
  });

  it('explains every word of the field that the UI or the narration uses', () => {
    const missing = DOMAIN_WORDS.filter((w) => (found(uiText, w) || found(narration, w)) && glossaryEntry(w) === null);
    expect(missing).toEqual([]);
    // The scan does see the UI and the narration (so an empty list above means something).
    expect(found(uiText, 'stop-and-copy')).toBe(true);
    expect(found(narration, 'remote fault')).toBe(true);
    expect(found(narration, 'dirty bitmap')).toBe(true);
  });

  it('every entry is one or two sentences, and the entries agree with the count vocabulary', () => {
    for (const term of GLOSSARY_TERMS) {
      expect(GLOSSARY[term].length, term).toBeLessThan(260);
      expect(GLOSSARY[term]).toMatch(/\.$/);
    }
    expect(GLOSSARY.iteration).toMatch(/includes the last one, the stop-and-copy/);
    expect(GLOSSARY['live iteration']).toMatch(/all but the last|but the last/i);
  });
});
