// Every term of the domain the UI uses has a glossary entry: the app's strings (source of src/app
// without comments and tests) and the narration of a run of every policy are scanned for the words of
// the field below; each one found must lead to an entry. The list is wider than the glossary on
// purpose: a new word of the field written into the UI fails here until it is explained. The places
// where a word is shown beside a picture (the charts' legends, the timeline's stage labels) or in a
// description (the policy picker) are rendered and checked further: each term there is attached, at its
// first appearance, as a <Term> a keyboard or a tap can open.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, POLICIES, recordRun, simulate, type ReplayEvent, type Scenario } from '../../model/index.ts';
import { IterationChart } from '../charts/IterationChart.tsx';
import { TimelineChart } from '../charts/TimelineChart.tsx';
import { PolicyPicker } from '../explore/PolicyPicker.tsx';
import { policyFacts } from '../explore/policyFacts.ts';
import { createAppStore, setAppStore } from '../state/store.ts';
import { GLOSSARY, GLOSSARY_TERMS, glossaryEntry, type GlossaryTerm } from './glossary.ts';
import { narrate, narrationText, type StepContext } from './narrate.ts';
import { TermRuns, termParts } from './WithTerms.tsx';

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

/** Static markup's text: tags dropped, the few entities React writes decoded. */
function markupText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');
}

const TOOLTIP = /<span role="tooltip"[^>]*>[\s\S]*?<\/span>/g;
const TERM_BUTTON = /<button[^>]*class="term__button"[^>]*>[^<]*<\/button>/g;

/** A rendered place: its words as shown, the words left plain (not a term), and the terms attached. */
function place(html: string) {
  const shown = html.replace(TOOLTIP, '');
  return {
    text: markupText(shown),
    plain: markupText(shown.replace(TERM_BUTTON, ' ¦ ')),
    terms: new Set([...html.matchAll(/<span role="tooltip"[^>]*><strong>([^<]+):<\/strong>/g)].map((m) => m[1])),
  };
}

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BY_LENGTH = [...DOMAIN_WORDS].sort((a, b) => b.length - a.length);

/** The domain words of a text, longest first; a word read inside a longer one ("live iterations") is that one only. */
function domainWordsIn(text: string): string[] {
  let rest = text;
  const out: string[] = [];
  for (const w of BY_LENGTH) {
    if (!found(rest, w)) continue;
    out.push(w);
    rest = rest.replace(new RegExp(`(^|[^\\w-])${escapeRe(w)}(e?s)?(?=$|[^\\w-])`, 'gi'), '$1 ¦ ');
  }
  return out;
}

/** The domain words of a place that have no entry, or whose entry is not attached where the word is shown. */
function unexplained(where: ReturnType<typeof place>): string[] {
  const plain = domainWordsIn(where.plain);
  return domainWordsIn(where.text).flatMap((w) => {
    const entry = glossaryEntry(w);
    if (entry === null) return [`${w}: no entry`];
    // Marked where it first appears, it may be plain further on.
    return plain.includes(w) && !where.terms.has(entry) ? [`${w}: not attached`] : [];
  });
}

const legendOf = (html: string) => /<div class="chart__legend">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
/** The words drawn in a chart's SVG (its <text> elements), which can hold no <Term>. */
const svgWords = (html: string) => markupText([...html.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1]).join(' ¦ '));

/** A run of each policy, with auto-converge's throttle steps and post-copy's degraded phase among them. */
const PLACE_RUNS: Scenario[] = [
  ...POLICIES.map((policy) => ({ ...DEFAULT_SCENARIO, vmMiB: 16, policy, dirtyRate: 3000, pattern: 'uniform' as const })),
  { ...DEFAULT_SCENARIO, vmMiB: 256, linkMbps: 94.2, dirtyRate: 20_000, policy: 'qemu', autoConverge: true, pattern: 'uniform' },
];

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

  it('attaches a term to every domain word of the charts\' legends and the timeline\'s stage labels', () => {
    let throttled = false;
    let degraded = false;
    for (const s of PLACE_RUNS) {
      const result = simulate(s);
      throttled ||= (result.throttle?.length ?? 0) > 0;
      degraded ||= result.degradedS !== undefined;
      for (const [name, html] of [
        ['iterations', renderToStaticMarkup(createElement(IterationChart, { result }))],
        ['timeline', renderToStaticMarkup(createElement(TimelineChart, { scenario: s, result }))],
      ] as const) {
        const legend = place(legendOf(html));
        expect(legend.text.length, `${name} legend of ${s.policy}`).toBeGreaterThan(20);
        expect(unexplained(legend), `${name} legend of ${s.policy}`).toEqual([]);
        if (name !== 'timeline') continue;
        // The words on the plot itself (the stage labels) are explained in the legend beside it.
        const drawn = svgWords(html);
        const missing = domainWordsIn(drawn).filter((w) => {
          const entry = glossaryEntry(w);
          return entry === null || !legend.terms.has(entry);
        });
        expect(missing, `${name} labels of ${s.policy}: ${drawn}`).toEqual([]);
      }
    }
    // The runs do reach the entries that only some runs have.
    expect(throttled).toBe(true);
    expect(degraded).toBe(true);
  });

  it('attaches a term to every domain word of the policies\' descriptions', () => {
    setAppStore(createAppStore({ scenario: DEFAULT_SCENARIO, presetId: null, notice: [], theme: 'light', largeType: false }));
    const picker = place(renderToStaticMarkup(createElement(PolicyPicker)));
    expect(unexplained(picker)).toEqual([]);
    // The scan sees what the issue lists (so an empty list above means something).
    for (const term of ['peek', 'skip', 'stop-and-copy', 'dirty bitmap', 'push', 'remote fault', 'switch-over', 'pass']) expect(picker.terms, term).toContain(term);
  });

  it("attaches a term to every domain word of the summary's notes on what each policy reports", () => {
    const ids = new Set<string>();
    for (const s of PLACE_RUNS) {
      const result = simulate(s);
      const facts = policyFacts(s, result, null);
      facts.forEach((f) => ids.add(f.id));
      // As Summary.tsx marks them: one set of terms across the notes.
      const seen = new Set<GlossaryTerm>();
      const html = facts.map((f) => renderToStaticMarkup(createElement(TermRuns, { parts: termParts(f.note, seen) }))).join(' ¦ ');
      expect(unexplained(place(html)), s.policy).toEqual([]);
    }
    // QEMU's syncs and throttle, post-copy's remote faults are among the notes checked.
    for (const id of ['syncs', 'throttle', 'remote-faults']) expect(ids, id).toContain(id);
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
