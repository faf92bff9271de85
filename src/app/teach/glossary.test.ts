// Every term of the domain the UI uses has a glossary entry: the app's strings (source of src/app
// without comments and tests) and the narration of a run of every policy are scanned for the words of
// the field below; each one found must lead to an entry. The list is wider than the glossary on
// purpose: a new word of the field written into the UI fails here until it is explained. The places
// where a word is shown beside a picture (the charts' legends, the timeline's stage labels, the
// iteration chart's stop note) or in a description (the policy picker, the narration) are rendered and
// checked further: each term there is attached, at its first appearance, as a <Term> a keyboard or a
// tap can open. A detached term (Term.tsx) renders no tooltip here: its button's data-term names it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, POLICIES, recordRun, simulate, STOP_REASON_TEXT, type ReplayEvent, type Scenario } from '../../model/index.ts';
import { CurvesChart } from '../charts/CurvesChart.tsx';
import { formatMbps } from '../charts/format.ts';
import { IterationChart } from '../charts/IterationChart.tsx';
import { TimelineChart } from '../charts/TimelineChart.tsx';
import { Controls } from '../explore/Controls.tsx';
import { PolicyPicker } from '../explore/PolicyPicker.tsx';
import { policyFacts } from '../explore/policyFacts.ts';
import { StopCard } from '../explore/Summary.tsx';
import { POLICY_NAME } from '../policyNames.ts';
import { curveSeries } from '../state/curvesPlan.ts';
import { planFor } from '../state/engine.ts';
import { createAppStore, setAppStore } from '../state/store.ts';
import { GLOSSARY, GLOSSARY_TERMS, glossaryEntry, glossaryText, POLICY_TERM, type GlossaryTerm } from './glossary.ts';
import { narrate, narrationText, type Narration, type StepContext } from './narrate.ts';
import { TermRuns, termParts } from './WithTerms.tsx';

/** Words of live migration a student may not know (singular forms; the scan also finds plurals). */
const DOMAIN_WORDS = [
  'to-send list', 'dirty bitmap', 'clean', 'peek', 'skip', 'goodput', 'stop-and-copy', 'switch-over', 'commitment', 'activation',
  'working set', 'writable working set', 'hot set', 'throttle', 'fault', 'remote fault', 'push', 'iteration', 'live iteration', 'pass',
  'batch', 'syncs', 'dirty-sync-count', 'downtime', 'downtime limit', 'max-bandwidth', 'auto-converge', 'timeout', 'pre-copy', 'post-copy',
  'dirty page', 'zero page', 'compression', 'effective rate', 'data limit', 'vCPU limit', 'degraded', 'convergence',
  'pre-migration overhead', 'post-migration overhead', 'end game', 'XBZRLE', 'multifd', 'dirty ring', 'userfaultfd', 'page fault',
  'huge page', 'balloon', 'checkpoint', 'shadow page table', 'write protection', 'PML', 'RDMA', 'dirty log',
  'bounds', 'closed form', 'RAM / bandwidth',
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

/** What the narration says at each event of a run of `s`, stepping per batch and per iteration. */
function narrationsOf(s: Scenario): Narration[] {
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
      return narrate(e, ctx);
    }),
  );
}

const narrations = POLICIES.flatMap((policy) =>
  narrationsOf({ ...DEFAULT_SCENARIO, vmMiB: 16, policy, dirtyRate: 3000, pattern: 'uniform', autoConverge: policy === 'qemu' }),
);

const uiText = sourceFiles(join(__dirname, '..')).map((f) => withoutComments(readFileSync(f, 'utf8'))).join('\n');
const narration = narrations.map(narrationText).join('\n');

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

/** The text as the page reads it (its textContent): tags dropped without a space. */
const flatText = (html: string) => markupText(html.replace(/<[^>]+>/g, ''));

const TOOLTIP = /<span role="tooltip"[^>]*>[\s\S]*?<\/span>/g;
const TERM_BUTTON = /<button[^>]*class="term__button"[^>]*>[^<]*<\/button>/g;

/** A rendered place: its words as shown, the words left plain (not a term), and the terms attached. */
function place(html: string) {
  const shown = html.replace(TOOLTIP, '');
  return {
    text: markupText(shown),
    plain: markupText(shown.replace(TERM_BUTTON, ' ¦ ')),
    terms: new Set([
      ...[...html.matchAll(/<span role="tooltip"[^>]*><strong>([^<]+):<\/strong>/g)].map((m) => m[1]),
      ...[...html.matchAll(/<button[^>]*class="term__button"[^>]*data-term="([^"]+)"/g)].map((m) => markupText(m[1]).trim()),
    ]),
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

/**
 * A run of each policy, with auto-converge's throttle steps and post-copy's degraded phase among them,
 * and runs that end pre-copy at Xen's data limit and Xen migration v2's iteration limit: every stop reason.
 */
const PLACE_RUNS: Scenario[] = [
  ...POLICIES.map((policy) => ({ ...DEFAULT_SCENARIO, vmMiB: 16, policy, dirtyRate: 3000, pattern: 'uniform' as const })),
  { ...DEFAULT_SCENARIO, vmMiB: 256, linkMbps: 94.2, dirtyRate: 20_000, policy: 'qemu', autoConverge: true, pattern: 'uniform' },
  { ...DEFAULT_SCENARIO, vmMiB: 256, linkMbps: 94.2, dirtyRate: 20_000, policy: 'xen', pattern: 'uniform' },
  { ...DEFAULT_SCENARIO, vmMiB: 256, linkMbps: 94.2, dirtyRate: 20_000, policy: 'xen-v2', pattern: 'uniform' },
];

/** The iteration chart's note on why pre-copy ended (HTML over the plot). */
const stopNoteOf = (html: string) => /<p class="chart__stop-note"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';

/** The curves chart with every other policy compared and the closed form shown, as Explore draws it. */
function curvesChartOf(scenario: Scenario): string {
  const compare = POLICIES.filter((p) => p !== scenario.policy);
  const series = planFor({ scenario, compare, trace: null }).specs.map((spec) => curveSeries(spec, []));
  return renderToStaticMarkup(createElement(CurvesChart, { scenario, series, result: null, showModels: true, onShowModels: () => {} }));
}

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
        expect(drawn, `${name} labels of ${s.policy}`).toMatch(/\w/);
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

  it("attaches a term to the curves legend's policies, bounds and model overlay, and keeps its text the entries' labels", () => {
    for (const policy of ['xen', 'qemu'] as const) {
      const scenario = { ...DEFAULT_SCENARIO, policy };
      const html = legendOf(curvesChartOf(scenario));
      const legend = place(html);
      expect(unexplained(legend), policy).toEqual([]);
      // Each compared curve is named by its policy, which is a term: its entry is the policy's.
      for (const p of POLICIES.filter((q) => q !== policy)) {
        expect(legend.terms, `${POLICY_NAME[p]} in the legend of ${policy}`).toContain(POLICY_TERM[p]);
        expect(flatText(html)).toContain(`${POLICY_NAME[p]} (${formatMbps(scenario.linkMbps)})`);
      }
      for (const term of ['bounds', 'closed form', 'RAM / bandwidth']) expect(legend.terms, term).toContain(term);
      // The terms are detached: no definition sits inside the legend, whose text the exports draw.
      expect(html).not.toMatch(/role="tooltip"/);
      expect(flatText(html)).toContain("Closed form, geometric series with Xen's stop conditions (current link)");
      expect(flatText(html)).toContain(policy === 'xen' ? "Bounds, Eq. 3 and 4 (link's colour)" : "Xen's bounds, Eq. 3 and 4, for reference (link's colour)");
    }
    // The policies' entries are named as the legends name the policies.
    for (const p of POLICIES) expect(p === 'postcopy' ? 'post-copy' : POLICY_NAME[p]).toBe(POLICY_TERM[p]);
  });

  it("attaches a term to every domain word of the iteration chart's stop note, which is HTML over the plot", () => {
    const reasons = new Set<string>();
    for (const s of PLACE_RUNS) {
      const result = simulate(s);
      reasons.add(result.stopReason);
      const html = renderToStaticMarkup(createElement(IterationChart, { result }));
      const note = place(stopNoteOf(html));
      expect(note.text, s.policy).toContain('Pre-copy ended:');
      expect(unexplained(note), `${s.policy}: ${note.text}`).toEqual([]);
      // The note is HTML, where its words take focus and taps, and no longer SVG text, where none can.
      expect(svgWords(html), s.policy).not.toContain('Pre-copy ended');
    }
    // Every stop reason is among the notes checked.
    expect([...reasons].sort()).toEqual(Object.keys(STOP_REASON_TEXT).sort());
  });

  it("attaches a term to every domain word of the summary's stop reason", () => {
    for (const s of PLACE_RUNS) {
      const card = place(renderToStaticMarkup(createElement(StopCard, { scenario: s, result: simulate(s) })));
      expect(unexplained(card), `${s.policy}: ${card.text}`).toEqual([]);
    }
  });

  it('attaches a term to every domain word of the narration as the panel shows it, commitment and activation among them', () => {
    const words = new Set<string>();
    for (const n of narrations) {
      // As Narration.tsx renders it.
      const html = renderToStaticMarkup(createElement(TermRuns, { parts: n.parts }));
      const where = place(html);
      domainWordsIn(where.text).forEach((w) => words.add(w));
      expect(unexplained(where), `${n.title}: ${where.text}`).toEqual([]);
    }
    // The narration does say them: the pause before the commitment, the commitment step, a post-copy run's faults.
    for (const w of ['commitment', 'activation', 'downtime', 'remote fault', 'clean', 'iteration']) expect(words, w).toContain(w);
  });

  it('attaches a term to every domain word of the policies\' descriptions', () => {
    setAppStore(createAppStore({ scenario: DEFAULT_SCENARIO, presetId: null, notice: [], theme: 'light', largeType: false }));
    const picker = place(renderToStaticMarkup(createElement(PolicyPicker)));
    expect(unexplained(picker)).toEqual([]);
    // The scan sees what the issue lists (so an empty list above means something).
    for (const term of ['peek', 'skip', 'stop-and-copy', 'dirty bitmap', 'push', 'remote fault', 'switch-over', 'pass']) expect(picker.terms, term).toContain(term);
  });

  it("attaches a term to every domain word of the controls' labels and hints", () => {
    const terms = new Set<string>();
    for (const policy of POLICIES) {
      // Every field shown: the hot/cold pattern's, the compressor's, the policy's own.
      const scenario: Scenario = { ...DEFAULT_SCENARIO, policy, pattern: 'hotcold', compressMbps: 1000 };
      setAppStore(createAppStore({ scenario, presetId: null, notice: [], theme: 'light', largeType: false }));
      const html = renderToStaticMarkup(createElement(Controls));
      // Each field read as a place: its label and its hint, as they are shown together.
      const fields = html.split(/(?=<div class="field[ "]|<fieldset)/).filter((f) => f.startsWith('<div class="field'));
      expect(fields.length, policy).toBeGreaterThan(12);
      for (const field of fields) {
        const words = [...field.matchAll(/<label[^>]*>[\s\S]*?<\/label>|<p class="field__hint"[^>]*>[\s\S]*?<\/p>/g)].map((m) => m[0]).join(' ¦ ');
        const where = place(words);
        where.terms.forEach((t) => terms.add(t));
        expect(unexplained(where), `${policy}: ${where.text}`).toEqual([]);
      }
    }
    // The labels that name an entry are that entry's term.
    for (const term of ['working set', 'pre-migration overhead', 'post-migration overhead', 'downtime limit', 'max-bandwidth', 'timeout', 'auto-converge', 'data limit', 'writer CPU', 'vCPU limit', 'zero page', 'compression', 'goodput']) {
      expect(terms, term).toContain(term);
    }
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
      expect(glossaryText(term).length, term).toBeLessThan(260);
      expect(glossaryText(term)).toMatch(/\.$/);
    }
    expect(GLOSSARY.iteration).toMatch(/includes the last one, the stop-and-copy/);
    expect(GLOSSARY['live iteration']).toMatch(/all but the last|but the last/i);
  });
});
