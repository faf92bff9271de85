// What the teaching mode says about one step of a run: a pure function of the event and the numbers
// around it (the map's counts, the iteration so far, the run's totals), so it is tested without a DOM.
// The result is text with glossary terms marked, for Narration.tsx to render as tooltips.
import type { PolicyName } from '../../model/index.ts';
import { PageState, type BatchEvent, type DirtySplit, type ReplayEvent, type StepGranularity } from '../../model/replay/index.ts';
import type { GlossaryTerm } from './glossary.ts';
import { markedParts } from './termParts.ts';
import { countsFor, countsText } from '../../model/words/counts.ts';
import { formatCount, formatDuration, formatTimes } from '../../model/words/format.ts';

/** Plain text, or a glossary term shown as `text` with its definition in a tooltip. */
export type Segment = string | { term: GlossaryTerm; text: string };

export interface Narration {
  /** A short heading: "Iteration 4, batch 12 of 18". */
  title: string;
  parts: Segment[];
}

/** The numbers around the event that the narration needs (the worker computes them with the frame). */
export interface StepContext {
  policy: PolicyName;
  /** Pages of the VM. */
  pages: number;
  /** How the player steps: per batch or per iteration (a batch then speaks for its whole pass). */
  granularity: StepGranularity;
  /** Pages per PageState code in the map at this event. */
  counts: ArrayLike<number>;
  /** The event's iteration up to and including this event. */
  iteration: {
    sent: number;
    skipped: number;
    /** When its first batch started, s. */
    startS: number;
    /** This batch's number in its pass (1-based; 0 when the event is not a batch). */
    batch: number;
    /** Batches in the pass. */
    batches: number;
  };
  /** Pages sent in all iterations up to and including this event. */
  totalSent: number;
  /** Pages written since the last clean, and how many of them had already been sent (so must go again). */
  dirtied: DirtySplit;
  /** The same split of the pass the last clean ended (the current to_send); null before the first clean. */
  cleaned: DirtySplit | null;
  /** Pages the link sends per second. */
  pagesPerSecond: number;
  /** The run's totals. */
  run: { migrationTimeS: number; downtimeS: number; iterations: number };

}

/** 18204 -> "18,204": the shared count format (model/words/format.ts). */
export function count(n: number): string {
  return formatCount(n);
}

/** Durations as the summary writes them: "36.0 ms", "640 ms", "12.3 s" (model/words/format.ts). */
export function seconds(s: number): string {
  return formatDuration(s);
}

const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

const t = (term: GlossaryTerm, text: string = term): Segment => ({ term, text });

/** The narration as plain text (for tests and the screen-reader summary). */
export function narrationText(n: Narration): string {
  return n.parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');
}

const isXen = (p: PolicyName) => p === 'xen';

/** What a step says: the terms the step is about, marked by its text (t()), and every other domain word of it marked too. */
export function narrate(event: ReplayEvent, ctx: StepContext): Narration {
  const n = narrateStep(event, ctx);
  return { ...n, parts: markedParts(n.parts) };
}

function narrateStep(event: ReplayEvent, ctx: StepContext): Narration {
  switch (event.kind) {
    case 'pre-migration':
      return {
        title: 'Before the migration',
        parts: [
          `The source and the destination prepare (initialisation and reservation) for ${seconds(event.durationS)}. `,
          `All ${count(event.pages)} pages of the VM are still to send. `,
          ...(ctx.policy === 'postcopy' || ctx.policy === 'hybrid'
            ? ['The guest keeps running at the source until the switch-over.']
            : ['In ', t('pre-copy'), ' the guest keeps running while its memory is copied, ', t('iteration'), ' after iteration.']),
        ],
      };
    case 'peek':
      return {
        title: `Iteration ${event.iteration}: peek`,
        parts: [
          'Before its next ',
          t('batch'),
          ', Xen takes a ',
          t('peek'),
          ' at the ',
          t('dirty bitmap'),
          `: ${plural(event.dirtyPages, 'page has', 'pages have')} been written since the last clean. `,
          'Pages of the coming batch among them will be skipped.',
        ],
      };
    case 'batch':
      return narrateBatch(event, ctx);
    case 'final-copy':
      return narrateFinalCopy(event, ctx);
    case 'clean':
      return {
        title: `Iteration ${event.iteration}: clean`,
        parts: [
          'At the ',
          t('clean'),
          ' the ',
          t('dirty bitmap'),
          ` becomes the next iteration's `,
          t('to-send list'),
          `: ${plural(event.dirtied, 'page')} written during iteration ${event.iteration}. `,
          // QEMU syncs before the pass is done: the pages it had not sent yet stay to send.
          ...(event.toSend !== undefined && event.toSend > event.dirtied
            ? [`QEMU synced before the pass was done, so ${plural(event.toSend - event.dirtied, 'more page')} it had not sent yet stay on the list (${plural(event.toSend, 'page')} in all, each once). `]
            : []),
          ...cleanSplit(event.dirtied, ctx.cleaned, ctx.policy),
          `The bitmap is cleared and the guest's next writes mark pages `,
          t('dirty page', 'dirty'),
          ' again.',
        ],
      };
    case 'stop-decision':
      return narrateStop(event, ctx);
    case 'throttle':
      return {
        title: 'Auto-converge',
        parts: [
          `After iteration ${event.iteration} (${seconds(event.atS)} into the migration) the guest still dirties memory faster than it can be sent, so QEMU applies a `,
          t('throttle'),
          `: ${Math.round(event.throttle * 100)}% of its CPU is now taken away, and it writes pages more slowly.`,
        ],
      };
    case 'pause':
      if (event.stateOnly)
        return {
          title: 'Switch-over',
          parts: [
            'The guest is paused and only its CPU and device state go across: ',
            t('downtime'),
            ` starts. Its ${count(ctx.pages - ctx.counts[PageState.CLEAN])} missing pages will follow after it resumes at the destination (`,
            t('post-copy'),
            ').',
          ],
        };
      return {
        title: 'Pause: stop-and-copy begins',
        parts: [
          'The guest is paused, so no page can be dirtied any more: ',
          t('downtime'),
          ' starts. The ',
          t('stop-and-copy'),
          ` sends the ${plural(event.pagesToSend, 'page')} still dirty`,
          ...(event.pagesToSend > 0 ? [`; the guest stays paused for ${seconds(event.durationS)} before `, t('commitment'), '.'] : ['.']),
        ],
      };
    case 'commit':
      return {
        title: 'Commitment',
        parts: [
          'The destination commits the migrated VM; ',
          t('commitment'),
          ' and ',
          t('activation'),
          ` take ${seconds(event.durationS)}. The guest is still paused, so this time is part of the `,
          t('downtime'),
          '.',
        ],
      };
    case 'activate':
      return {
        title: 'Activation',
        parts: [
          'The VM runs at the destination. ',
          ...(ctx.policy === 'postcopy' || ctx.policy === 'hybrid'
            ? [`The ${plural(ctx.pages - ctx.counts[PageState.CLEAN], 'page it has', 'pages it has')} not received yet are pushed in the background; touching one first is a `, t('remote fault'), '.']
            : [`It was paused for ${seconds(ctx.run.downtimeS)} in all: that is the `, t('downtime'), '.']),
        ],
      };
    case 'push': {
      // Pushed pages and on-demand fetches share the link: say each, and where the step's time went.
      const spanS = event.endS - event.startS;
      const pushS = ctx.pagesPerSecond > 0 ? event.pushed / ctx.pagesPerSecond : spanS;
      const missing = ctx.pages - ctx.counts[PageState.CLEAN] - ctx.counts[PageState.SENT] - ctx.counts[PageState.SENT_THIS_BATCH] - ctx.counts[PageState.FAULTED];
      return {
        title: `Post-copy push`,
        parts: [
          `The source `,
          t('push', 'pushed'),
          ` ${plural(event.pushed, 'missing page')} (pages ${count(event.from)}–${count(event.to - 1)}), which took ${seconds(pushS)} of the link`,
          ...(event.faulted > 0
            ? [
                `. Meanwhile the running guest touched ${plural(event.faulted, 'page')} that had not arrived; each was a `,
                t('remote fault'),
                `, fetched on demand while the guest waited: ${seconds(Math.max(0, spanS - pushS))} of the link. Together: ${seconds(spanS)}.`,
              ]
            : ['.']),
          ` ${count(missing)} pages are still missing.`,
        ],
      };
    }
    case 'end':
      return {
        title: 'Migration complete',
        parts: [
          `The migration took ${seconds(event.migrationTimeS)} with ${seconds(event.downtimeS)} of `,
          t('downtime'),
          `, ${countsText(countsFor(ctx.policy, event.iterations))}. It sent ${count(event.totalSent)} pages: ${formatTimes(event.totalSent / ctx.pages)} the VM's memory`,
          event.remoteFaults ? `, with ${plural(event.remoteFaults, 'remote fault')}.` : '.',
        ],
      };
  }
}

function narrateBatch(e: BatchEvent, ctx: StepContext): Narration {
  const { counts, iteration: it } = ctx;
  const waiting = counts[PageState.TO_SEND] + counts[PageState.TO_SEND_DIRTY];
  const skippedPart: Segment[] = [];
  if (ctx.granularity === 'iteration') {
    if (it.skipped > 0) skippedPart.push(` and skipped ${plural(it.skipped, 'page')} (`, t('skip'), ': they were dirty again when their batch was prepared)');
    const d = ctx.dirtied;
    const notYet = d.pages - d.alreadySent;
    return {
      title: `Iteration ${e.iteration}`,
      parts: [
        `Iteration ${e.iteration} sent ${plural(it.sent, 'page')} in ${seconds(e.endS - it.startS)}`,
        ...skippedPart,
        `; meanwhile the guest dirtied ${plural(d.pages, 'page')}`,
        ...(d.pages === 0
          ? ['. Nothing has to go again: ', t('pre-copy'), ' has caught up with the guest.']
          : [
              `, ${count(d.alreadySent)} of them already sent, which must go again`,
              notYet > 0
                ? ctx.policy === 'xen'
                  ? `; the other ${count(notYet)} were written before their turn came, so they were skipped rather than sent twice.`
                  : `; the other ${count(notYet)} were written before their turn came: sent after the write, but still marked `
                : '.',
              ...(notYet > 0 && ctx.policy !== 'xen' ? [t('dirty page', 'dirty'), ' in the bitmap, so they go again too.'] : []),
              ...(d.pages >= 0.9 * (it.sent + it.skipped) && e.iteration > 1 ? [' The dirty set is hardly shrinking: the ', t('writable working set'), ' is being rewritten about as fast as it is sent.'] : []),
            ]),
      ],
    };
  }
  if (e.skipped > 0) skippedPart.push(` and skipped ${plural(e.skipped, 'page')} (`, t('skip'), ': dirty again already)');
  return {
    title: `Iteration ${e.iteration}, batch ${it.batch} of ${it.batches}`,
    parts: [
      'This ',
      t('batch'),
      ` sent ${plural(e.sent, 'page')} (pages ${count(e.from)}–${count(e.to - 1)}) in ${seconds(e.endS - e.startS)}`,
      ...skippedPart,
      `. So far iteration ${e.iteration} has sent ${count(it.sent)}; ${count(waiting)} of its `,
      t('to-send list'),
      ' are still waiting. ',
      `Since the last clean the guest has made ${plural(ctx.dirtied.pages, 'page')} `,
      t('dirty page', 'dirty'),
      ctx.policy === 'xen' ? ' (the next peek sees them)' : '',
      ctx.dirtied.pages > 0 ? `: ${count(ctx.dirtied.alreadySent)} of them already sent, which must go again.` : '.',
    ],
  };
}

/** At a clean: how many of the pages it made the next to_send had already been sent (their copy went stale). */
function cleanSplit(dirtied: number, split: DirtySplit | null, policy: PolicyName): Segment[] {
  if (!split || dirtied === 0) return [];
  const thisPass = split.alreadySent - split.sentEarlier;
  const notYet = split.pages - split.alreadySent;
  const where = [thisPass > 0 ? `${count(thisPass)} earlier in this iteration` : '', split.sentEarlier > 0 ? `${count(split.sentEarlier)} in earlier iterations` : ''].filter(Boolean).join(', ');
  return [
    `${count(split.alreadySent)} of them had already been sent${where ? ` (${where})` : ''}: the write made the destination's copy stale, so they must go again. `,
    notYet > 0 ? `The other ${count(notYet)} were written while still waiting to be sent${policy === 'xen' ? ' (Xen skipped them)' : ''}. ` : '',
  ];
}

/** "3,112 of them already sent once" for a stop decision's dirty pages, or nothing without a split. */
function sentOnce(split: DirtySplit | null, stillDirty: number): string {
  return split && split.pages === stillDirty && split.alreadySent > 0 ? ` (${count(split.alreadySent)} of them already sent once and written again)` : '';
}

/** How long the stop-and-copy of `pages` takes at the link's rate, and the run's downtime. */
function downtimeSegments(pages: number, ctx: StepContext): Segment[] {
  const copyS = ctx.pagesPerSecond > 0 ? pages / ctx.pagesPerSecond : NaN;
  return [
    Number.isFinite(copyS) ? ` At ${count(ctx.pagesPerSecond)} pages/s, sending them takes about ${seconds(copyS)} with the guest paused; ` : ' ',
    `this run's `,
    t('downtime'),
    ` is ${seconds(ctx.run.downtimeS)} in all.`,
  ];
}

function narrateFinalCopy(e: BatchEvent, ctx: StepContext): Narration {
  const it = ctx.iteration;
  if (ctx.granularity === 'iteration')
    return {
      title: 'Stop-and-copy',
      parts: [
        'With the guest paused, the ',
        t('stop-and-copy'),
        ` sent the last ${plural(it.sent, 'page')} in ${seconds(e.endS - it.startS)}. Every second of it is `,
        t('downtime'),
        ': the more pages were still dirty, the longer the guest is frozen.',
      ],
    };
  return {
    title: `Stop-and-copy, batch ${it.batch} of ${it.batches}`,
    parts: ['With the guest paused, this ', t('batch'), ` of the `, t('stop-and-copy'), ` sent ${plural(e.sent, 'page')} in ${seconds(e.endS - e.startS)}; ${count(it.sent)} sent so far while the guest waits.`],
  };
}

function narrateStop(e: Extract<ReplayEvent, { kind: 'stop-decision' }>, ctx: StepContext): Narration {
  const l = e.limits;
  // Xen decides before its clean (the pass's writes are still in the bitmap), the others after it.
  const split = e.dirtied === null ? ctx.dirtied : ctx.cleaned;
  const stillDirty = e.dirtied ?? ctx.dirtied.pages;
  const title = e.reason === null ? `Iteration ${e.iteration}: go on` : `Iteration ${e.iteration}: stop pre-copy`;
  switch (e.reason) {
    case null: {
      if (isXen(ctx.policy) || ctx.policy === 'xen-v2') {
        const n = isXen(ctx.policy) ? e.sentAndSkipped : stillDirty;
        return {
          title,
          parts: [
            `Iteration ${e.iteration} ${isXen(ctx.policy) ? 'sent and skipped' : 'left'} ${plural(n, 'page')}${isXen(ctx.policy) ? '' : sentOnce(split, n)}: not below the ${count(l.minDirtyPages ?? 0)} that would end it`,
            l.maxTotalSent !== undefined ? `; ${count(e.totalSent)} pages sent so far, below the limit of ${count(l.maxTotalSent)}` : '',
            l.maxIterations !== undefined ? `; iteration ${e.iteration} of at most ${l.maxIterations}` : '',
            '. So ',
            t('pre-copy'),
            ' goes on with another ',
            t('iteration'),
            '.',
          ],
        };
      }
      return {
        title,
        parts: [
          `${plural(stillDirty, 'page is', 'pages are')} `,
          t('dirty page', 'dirty'),
          sentOnce(split, stillDirty),
          l.thresholdPages !== undefined ? `; only ${count(l.thresholdPages)} fit within the downtime limit at the link's speed` : '',
          '. So ',
          t('pre-copy'),
          ' goes on with another ',
          t('iteration'),
          '.',
        ],
      };
    }
    case 'few-dirty-pages':
      return {
        title,
        parts: [
          `Iteration ${e.iteration} ${isXen(ctx.policy) ? 'sent and skipped' : 'left'} only ${plural(isXen(ctx.policy) ? e.sentAndSkipped : stillDirty, 'page')}, fewer than ${count(l.minDirtyPages ?? 0)}: pre-copy has converged. `,
          `The ${plural(stillDirty, 'page')} still dirty go in the `,
          t('stop-and-copy'),
          ', so the ',
          t('downtime'),
          ' stays short.',
          ...downtimeSegments(stillDirty, ctx),
        ],
      };
    case 'max-iterations':
      return {
        title,
        parts: [
          `${plural(e.iteration, 'iteration')} done: ${isXen(ctx.policy) ? 'Xen' : 'the policy'} forces the `,
          t('stop-and-copy'),
          ` even though ${plural(stillDirty, 'page is', 'pages are')} still `,
          t('dirty page', 'dirty'),
          `${sentOnce(split, stillDirty)} — this is why `,
          t('downtime'),
          e.sentAndSkipped > 0 && stillDirty >= 0.9 * e.sentAndSkipped
            ? ' jumps: the guest rewrites them about as fast as they are sent, so more iterations would hardly shrink them, and every one of them is now sent while the guest is paused.'
            : ' jumps: instead of another iteration, every one of them is now sent while the guest is paused.',
          ...downtimeSegments(stillDirty, ctx),
        ],
      };
    case 'max-data-factor':
      return {
        title,
        parts: [
          `${count(e.totalSent)} pages sent so far, more than ${count(l.maxTotalSent ?? 0)} (${formatTimes((l.maxTotalSent ?? 0) / ctx.pages)} the VM): Xen stops trying to converge and forces the `,
          t('stop-and-copy'),
          ` with ${plural(stillDirty, 'page')} still `,
          t('dirty page', 'dirty'),
          `${sentOnce(split, stillDirty)}. They all add to the `,
          t('downtime'),
          '.',
          ...downtimeSegments(stillDirty, ctx),
        ],
      };
    case 'within-downtime-limit':
      return {
        title,
        parts: [
          `Only ${plural(stillDirty, 'page is', 'pages are')} `,
          t('dirty page', 'dirty'),
          l.thresholdPages !== undefined ? `, no more than the ${count(l.thresholdPages)} the link can send within the downtime limit` : '',
          ': QEMU switches over. The ',
          t('stop-and-copy'),
          ' should fit in the allowed ',
          t('downtime'),
          '.',
          ...downtimeSegments(stillDirty, ctx),
        ],
      };
    case 'no-convergence':
      return {
        title,
        parts: [
          `After ${seconds(e.precopyS)} of `,
          t('pre-copy'),
          ` the ${plural(stillDirty, 'dirty page')}${sentOnce(split, stillDirty)} still do not fit the downtime limit${l.thresholdPages !== undefined ? ` (${count(l.thresholdPages)} pages)` : ''}, and the ${l.timeoutS !== undefined ? `${seconds(l.timeoutS)} ` : ''}timeout has passed: QEMU forces the `,
          t('stop-and-copy'),
          ' anyway, and the ',
          t('downtime'),
          ' will be long.',
          ...downtimeSegments(stillDirty, ctx),
        ],
      };
    case 'postcopy':
      return {
        title: 'Switch over at once',
        parts: [t('post-copy', 'Post-copy'), ` does not wait for memory to converge: the guest moves to the destination first, and its ${count(ctx.pages)} pages follow.`],
      };
    case 'postcopy-hybrid':
      return {
        title: 'Switch over after one live iteration',
        parts: [
          'Hybrid migration made one live ',
          t('pre-copy'),
          ` iteration; now it switches to `,
          t('post-copy'),
          `: the ${plural(stillDirty, 'page')} dirtied meanwhile follow after the guest resumes at the destination.`,
        ],
      };
  }
}
