// The page-exact memory map, moved forward one event at a time. It keeps a state code per page and the
// dirty bitmap (pages written since the last clean), makes the guest's writes itself (the same pages as
// exact/writers.ts, with a generator whose state can be saved) and walks each batch's range. It checks
// every count against the event log (sent, skipped, dirty pages at a peek and at a clean, pushes and
// faults), so the map and the narration cannot drift apart unnoticed.
import { hotPagesOf, workingSetOf } from '../patterns/regions.ts';
import type { Scenario } from '../scenario.ts';
import { pagesOf } from '../units.ts';
import type { ReplayEvent } from './events.ts';
import { PAGE_STATE_COUNT, PAGE_STATE_NAMES, PageState } from './states.ts';

const { CLEAN, TO_SEND, TO_SEND_DIRTY, DIRTY, SKIPPED, SENT_THIS_BATCH, SENT, SENT_FINAL, FAULTED } = PageState;

/** The replay disagrees with its event log (a bug, never an input error). */
export class ReplayMismatchError extends Error {}

// d3's randomLcg, which exact/writers.ts draws from, with its state in the open.
const LCG_MUL = 0x19660d;
const LCG_INC = 0x3c6ef35f;
const LCG_EPS = 1 / 0x100000000;

/** What a page's code becomes at its first write since the last clean. */
const ON_WRITE = Uint8Array.from({ length: PAGE_STATE_COUNT }, (_, c) => (c === CLEAN || c === SENT ? DIRTY : c === TO_SEND ? TO_SEND_DIRTY : c));
/**
 * Whether a page in state c had already been sent when the guest first writes it since the last clean:
 * 2 at the destination from an earlier pass (CLEAN), 1 sent in this pass (SENT, SENT_THIS_BATCH), 0 not
 * (still to send). Pages with other codes are already dirty, so they are never first written.
 */
const SENT_BEFORE = Uint8Array.from({ length: PAGE_STATE_COUNT }, (_, c) => (c === CLEAN ? 2 : c === SENT || c === SENT_THIS_BATCH ? 1 : 0));
/** After the switch-over of post-copy: a missing page the guest touches is fetched on demand. */
const ON_WRITE_POSTCOPY = Uint8Array.from({ length: PAGE_STATE_COUNT }, (_, c) => (c === TO_SEND ? FAULTED : c));

const SEQUENTIAL = 0;
const UNIFORM = 1;
const HOTCOLD = 2;

/**
 * Pages written since a clean, split by what had happened to them when first written: `alreadySent`
 * had a copy at the destination (sent earlier in the pass, or clean from an earlier pass: `sentEarlier`
 * of them), which the write made stale, so they must go again; the other `pages - alreadySent` were
 * still waiting in to_send.
 */
export interface DirtySplit {
  pages: number;
  alreadySent: number;
  sentEarlier: number;
}

/** A copy of the engine's state after an event, to come back to (see MemoryEngine.snapshot). */
export interface EngineSnapshot {
  index: number;
  codes: Uint8Array;
  /** The dirty bitmap, a bit per page. */
  dirtyBits: Uint8Array;
  /** The pages showing SENT_THIS_BATCH. */
  batchPages: Int32Array;
  counts: Int32Array;
  dirtyCount: number;
  writes: number;
  lcg: number;
  postcopy: boolean;
  /** dirtiedSent, dirtiedEarlier, then the last clean's pages, alreadySent, sentEarlier (-1: none yet). */
  split: [number, number, number, number, number];
}

/** Bytes a snapshot of a VM of `pages` pages holds. */
export function snapshotBytes(pages: number): number {
  return pages + Math.ceil(pages / 8) + 256;
}

export class MemoryEngine {
  readonly pages: number;
  /** One PageState code per page. */
  readonly codes: Uint8Array;
  /** 1 for pages written since the last clean (post-copy: since the switch-over). */
  readonly dirty: Uint8Array;
  /** `dirty` padded with zeros to whole words, for packing it fast. */
  private readonly dirtyWords: Uint32Array;
  /** Pages per state. */
  readonly counts = new Int32Array(PAGE_STATE_COUNT);
  /** Index of the last event applied (-1 before the first). */
  index = -1;
  dirtyCount = 0;
  /** Guest writes made so far. */
  writes = 0;
  private lcg = 0;
  private postcopy = false;
  /** The pages showing SENT_THIS_BATCH: batchPages[0..batchCount). */
  private batchPages = new Int32Array(1024);
  private batchCount = 0;
  private faults = 0;
  private skipped = 0;
  /** Of the dirtyCount pages: those already sent when first written, and those sent in an earlier pass. */
  private dirtiedSent = 0;
  private dirtiedEarlier = 0;
  /** The split of the pass the last clean ended (pages -1 before the first clean). */
  private cleanedPages = -1;
  private cleanedSent = 0;
  private cleanedEarlier = 0;

  private readonly kind: number;
  private readonly workingSet: number;
  private readonly hot: number;
  private readonly cold: number;
  private readonly hotShare: number;
  private readonly seedState: number;

  constructor(s: Scenario) {
    this.pages = pagesOf(s.vmMiB, s.pageBytes);
    this.codes = new Uint8Array(this.pages);
    this.dirtyWords = new Uint32Array(2 * Math.ceil(this.pages / 8));
    this.dirty = new Uint8Array(this.dirtyWords.buffer, 0, this.pages);
    this.workingSet = workingSetOf(s);
    this.kind = s.pattern === 'sequential' ? SEQUENTIAL : s.pattern === 'uniform' ? UNIFORM : HOTCOLD;
    this.hot = hotPagesOf(s);
    this.cold = this.workingSet - this.hot;
    this.hotShare = s.hotShare;
    // As randomLcg(seed / 2^32) starts (writers.ts).
    const seed = s.seed / 4_294_967_296;
    this.seedState = (0 <= seed && seed < 1 ? seed / LCG_EPS : Math.abs(seed)) | 0;
    this.reset();
  }

  /** Back to the start: every page to send, nothing written (the state before event 0). */
  reset(): void {
    this.codes.fill(TO_SEND);
    this.dirty.fill(0);
    this.counts.fill(0);
    this.counts[TO_SEND] = this.pages;
    this.index = -1;
    this.dirtyCount = 0;
    this.writes = 0;
    this.lcg = this.seedState;
    this.postcopy = false;
    this.batchCount = 0;
    this.dirtiedSent = 0;
    this.dirtiedEarlier = 0;
    this.cleanedPages = -1;
    this.cleanedSent = 0;
    this.cleanedEarlier = 0;
  }

  /** The pages written since the last clean (pre-copy; after post-copy's switch-over they are not split further). */
  dirtied(): DirtySplit {
    return { pages: this.dirtyCount, alreadySent: this.dirtiedSent, sentEarlier: this.dirtiedEarlier };
  }

  /** The same split for the pages the last clean made the next to_send; null before the first clean. */
  cleaned(): DirtySplit | null {
    return this.cleanedPages < 0 ? null : { pages: this.cleanedPages, alreadySent: this.cleanedSent, sentEarlier: this.cleanedEarlier };
  }

  /** Applies the event after the last one applied. */
  apply(e: ReplayEvent): void {
    this.index++;
    if (this.batchCount > 0) this.settle();
    switch (e.kind) {
      case 'pre-migration':
        if (this.index !== 0) this.fail(e, 'pre-migration is not the first event');
        break;
      case 'peek':
        this.write(e.writes);
        this.expect(e, 'dirty pages', this.dirtyCount, e.dirtyPages);
        break;
      case 'batch':
        this.expect(e, 'sent', this.walk(e.from, e.to, e.peek), e.sent);
        this.expect(e, 'skipped', this.skipped, e.skipped);
        this.write(e.writes);
        break;
      case 'final-copy':
        this.write(e.writes);
        this.expect(e, 'sent', this.walkFinal(e.from, e.to), e.sent);
        break;
      case 'clean':
        this.write(e.writes);
        this.expect(e, 'dirtied', this.dirtyCount, e.dirtied);
        this.clean(e.keepFrom);
        if (e.toSend !== undefined) this.expect(e, 'to send', this.counts[TO_SEND], e.toSend);
        break;
      case 'push':
        this.expect(e, 'pushed', this.walk(e.from, e.to, false), e.pushed);
        this.faults = 0;
        this.write(e.writes);
        this.expect(e, 'faulted', this.faults, e.faulted);
        break;
      case 'pause':
        this.write(e.writes);
        if (e.stateOnly) this.postcopy = true;
        break;
      default:
        this.write(e.writes);
    }
  }

  /** SENT_THIS_BATCH pages become SENT, or DIRTY when written since (in pre-copy). */
  private settle(): void {
    const { codes, dirty, batchPages } = this;
    const n = this.batchCount;
    let dirtied = 0;
    for (let i = 0; i < n; i++) {
      const p = batchPages[i];
      if (dirty[p] && !this.postcopy) {
        codes[p] = DIRTY;
        dirtied++;
      } else codes[p] = SENT;
    }
    this.counts[SENT_THIS_BATCH] -= n;
    this.counts[SENT] += n - dirtied;
    this.counts[DIRTY] += dirtied;
    this.batchCount = 0;
  }

  /** Sends (or skips, with a peek) the to_send pages of [from, to); returns the pages sent, skips in this.skipped. */
  private walk(from: number, to: number, peek: boolean): number {
    const codes = this.codes;
    let batchPages = this.batchPages;
    let sent = 0;
    let dirtySent = 0;
    let skipped = 0;
    for (let p = from; p < to; p++) {
      const c = codes[p];
      if (c !== TO_SEND && c !== TO_SEND_DIRTY) continue;
      if (c === TO_SEND_DIRTY) {
        if (peek) {
          codes[p] = SKIPPED;
          skipped++;
          continue;
        }
        dirtySent++;
      }
      codes[p] = SENT_THIS_BATCH;
      if (sent === batchPages.length) {
        batchPages = new Int32Array(2 * sent);
        batchPages.set(this.batchPages);
        this.batchPages = batchPages;
      }
      batchPages[sent++] = p;
    }
    const counts = this.counts;
    counts[TO_SEND] -= sent - dirtySent;
    counts[TO_SEND_DIRTY] -= dirtySent + skipped;
    counts[SENT_THIS_BATCH] += sent;
    counts[SKIPPED] += skipped;
    this.batchCount = sent;
    this.skipped = skipped;
    return sent;
  }

  /** The stop-and-copy sends every to_send page of [from, to). */
  private walkFinal(from: number, to: number): number {
    const codes = this.codes;
    let fresh = 0;
    let dirtySent = 0;
    for (let p = from; p < to; p++) {
      const c = codes[p];
      if (c === TO_SEND) fresh++;
      else if (c === TO_SEND_DIRTY) dirtySent++;
      else continue;
      codes[p] = SENT_FINAL;
    }
    this.counts[TO_SEND] -= fresh;
    this.counts[TO_SEND_DIRTY] -= dirtySent;
    this.counts[SENT_FINAL] += fresh + dirtySent;
    return fresh + dirtySent;
  }

  /**
   * to_send becomes the dirty bitmap (TO_SEND is 1 and CLEAN 0, so the bitmap is the new map); with
   * `keepFrom` (QEMU's mid-pass sync) the pages still to send from there on stay to send as well.
   */
  private clean(keepFrom?: number): void {
    this.cleanedPages = this.dirtyCount;
    this.cleanedSent = this.dirtiedSent;
    this.cleanedEarlier = this.dirtiedEarlier;
    this.dirtiedSent = 0;
    this.dirtiedEarlier = 0;
    const { codes, dirty } = this;
    let toSend = this.dirtyCount;
    if (keepFrom !== undefined) {
      for (let p = Math.ceil(keepFrom); p < this.pages; p++) {
        if ((codes[p] === TO_SEND || codes[p] === TO_SEND_DIRTY) && !dirty[p]) {
          dirty[p] = 1;
          toSend++;
        }
      }
    }
    codes.set(dirty);
    this.counts.fill(0);
    this.counts[TO_SEND] = toSend;
    this.counts[CLEAN] = this.pages - toSend;
    dirty.fill(0);
    this.dirtyCount = 0;
  }

  /** Makes the guest's writes up to `writes` (a count since iteration 1 started). */
  private write(writes: number): void {
    if (writes <= this.writes) return;
    const w = this.workingSet;
    const dirty = this.dirty;
    if (this.kind === SEQUENTIAL) {
      // Write k hits page k mod W; only the last W writes can change anything.
      let k = Math.max(this.writes, writes - w);
      let page = k % w;
      for (; k < writes; k++) {
        if (!dirty[page]) this.touch(page);
        if (++page === w) page = 0;
      }
    } else {
      let state = this.lcg;
      const hot = this.hot;
      const cold = this.cold;
      const hotShare = this.hotShare;
      const uniform = this.kind === UNIFORM;
      for (let k = this.writes; k < writes; k++) {
        let page: number;
        state = (Math.imul(LCG_MUL, state) + LCG_INC) | 0;
        if (uniform) page = Math.floor(LCG_EPS * (state >>> 0) * w);
        else if (cold === 0) page = Math.floor(LCG_EPS * (state >>> 0) * hot);
        else if (LCG_EPS * (state >>> 0) < hotShare) {
          state = (Math.imul(LCG_MUL, state) + LCG_INC) | 0;
          page = Math.floor(LCG_EPS * (state >>> 0) * hot);
        } else {
          state = (Math.imul(LCG_MUL, state) + LCG_INC) | 0;
          page = hot + Math.floor(LCG_EPS * (state >>> 0) * cold);
        }
        if (!dirty[page]) this.touch(page);
      }
      this.lcg = state;
    }
    this.writes = writes;
  }

  /** The first write to `page` since the last clean. */
  private touch(page: number): void {
    this.dirty[page] = 1;
    this.dirtyCount++;
    const c = this.codes[page];
    if (!this.postcopy) {
      const before = SENT_BEFORE[c];
      if (before !== 0) {
        this.dirtiedSent++;
        if (before === 2) this.dirtiedEarlier++;
      }
    }
    const n = (this.postcopy ? ON_WRITE_POSTCOPY : ON_WRITE)[c];
    if (n !== c) {
      this.codes[page] = n;
      this.counts[c]--;
      this.counts[n]++;
      if (n === FAULTED) this.faults++;
    }
  }

  private expect(e: ReplayEvent, what: string, actual: number, expected: number): void {
    if (actual !== expected) this.fail(e, `${what} ${actual} in the map, ${expected} in the log`);
  }

  private fail(e: ReplayEvent, message: string): never {
    throw new ReplayMismatchError(`replay event ${this.index} (${e.kind}, iteration ${e.iteration}): ${message}`);
  }

  /** A copy of the state after the last event applied. */
  snapshot(): EngineSnapshot {
    const dirtyBits = new Uint8Array(this.dirtyWords.length / 2);
    packBits(this.dirtyWords, dirtyBits);
    return {
      index: this.index,
      codes: this.codes.slice(),
      dirtyBits,
      batchPages: this.batchPages.slice(0, this.batchCount),
      counts: this.counts.slice(),
      dirtyCount: this.dirtyCount,
      writes: this.writes,
      lcg: this.lcg,
      postcopy: this.postcopy,
      split: [this.dirtiedSent, this.dirtiedEarlier, this.cleanedPages, this.cleanedSent, this.cleanedEarlier],
    };
  }

  /** Back to a snapshot of this engine's run. */
  restore(x: EngineSnapshot): void {
    this.codes.set(x.codes);
    unpackBits(x.dirtyBits, this.dirtyWords);
    if (x.batchPages.length > this.batchPages.length) this.batchPages = new Int32Array(x.batchPages.length);
    this.batchPages.set(x.batchPages);
    this.batchCount = x.batchPages.length;
    this.index = x.index;
    this.counts.set(x.counts);
    this.dirtyCount = x.dirtyCount;
    this.writes = x.writes;
    this.lcg = x.lcg;
    this.postcopy = x.postcopy;
    [this.dirtiedSent, this.dirtiedEarlier, this.cleanedPages, this.cleanedSent, this.cleanedEarlier] = x.split;
  }

  /** Counts recomputed from the codes (for tests and debugging). */
  countCodes(): Int32Array {
    const counts = new Int32Array(PAGE_STATE_COUNT);
    for (let p = 0; p < this.pages; p++) counts[this.codes[p]]++;
    return counts;
  }

  describeCounts(): string {
    return Array.from(this.counts, (n, c) => `${PAGE_STATE_NAMES[c]} ${n}`).join(', ');
  }
}

// A byte of bits <-> eight bytes of 0 or 1, two 32-bit words at a time. The words are read and written
// in the platform's byte order, and both directions use the same order.
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** UNPACK[2v], UNPACK[2v + 1]: the words whose bytes are the bits of v, lowest bit first in memory. */
const UNPACK = new Uint32Array(512);
for (let v = 0; v < 256; v++) {
  const bytes = new Uint8Array(UNPACK.buffer, 8 * v, 8);
  for (let i = 0; i < 8; i++) bytes[i] = (v >> i) & 1;
}

/** The bytes b0..b3 (0 or 1) of a little-endian word as the bits b0 | b1 << 1 | b2 << 2 | b3 << 3. */
const nibble = (word: number) => Math.imul(word, 0x01020408) >>> 24;

function packBits(words: Uint32Array, bits: Uint8Array): void {
  if (!LITTLE_ENDIAN) {
    const bytes = new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
    bits.fill(0);
    for (let i = 0; i < bytes.length; i++) bits[i >> 3] |= bytes[i] << (i & 7);
    return;
  }
  for (let b = 0; b < bits.length; b++) bits[b] = nibble(words[2 * b]) | (nibble(words[2 * b + 1]) << 4);
}

function unpackBits(bits: Uint8Array, words: Uint32Array): void {
  for (let b = 0; b < bits.length; b++) {
    const v = bits[b];
    words[2 * b] = UNPACK[2 * v];
    words[2 * b + 1] = UNPACK[2 * v + 1];
  }
}
