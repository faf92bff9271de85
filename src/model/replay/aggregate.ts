// The memory map at a size a canvas can draw: cells in row-major order, each holding a run of
// consecutive pages. With at least as many pages as cells, cell c holds pages
// [floor(c * pages / cells), floor((c + 1) * pages / cells)); with fewer, cell c holds page c and the
// cells past the last page are empty. Either view is one pass over the pages.
import type { MemoryState } from './replay.ts';
import { PAGE_STATE_COUNT, PageState } from './states.ts';

type Codes = Uint8Array | Pick<MemoryState, 'codes'>;

const codesOf = (state: Codes): Uint8Array => (state instanceof Uint8Array ? state : state.codes);

/** The pages cell `cell` of `cells` holds: [from, to) (empty past the last page). */
export function cellPages(cell: number, cells: number, pages: number): { from: number; to: number } {
  if (pages < cells) return cell < pages ? { from: cell, to: cell + 1 } : { from: pages, to: pages };
  return { from: Math.floor((cell * pages) / cells), to: Math.floor(((cell + 1) * pages) / cells) };
}

function checkCells(cellsX: number, cellsY: number): number {
  if (!(Number.isInteger(cellsX) && Number.isInteger(cellsY) && cellsX > 0 && cellsY > 0)) throw new RangeError(`cells must be positive whole numbers, not ${cellsX} x ${cellsY}`);
  return cellsX * cellsY;
}

/**
 * Pages per state in each cell: out[cell * PAGE_STATE_COUNT + code], cells in row-major order.
 * Pass `out` (length cellsX * cellsY * PAGE_STATE_COUNT) to reuse it.
 */
export function aggregate(state: Codes, cellsX: number, cellsY: number, out?: Uint32Array): Uint32Array {
  const codes = codesOf(state);
  const cells = checkCells(cellsX, cellsY);
  const result = out ?? new Uint32Array(cells * PAGE_STATE_COUNT);
  if (result.length !== cells * PAGE_STATE_COUNT) throw new RangeError(`out has length ${result.length}, not ${cells * PAGE_STATE_COUNT}`);
  result.fill(0);
  const pages = codes.length;
  if (pages <= cells) {
    for (let p = 0; p < pages; p++) result[p * PAGE_STATE_COUNT + codes[p]] = 1;
    return result;
  }
  for (let c = 0, p = 0; c < cells; c++) {
    const to = Math.floor(((c + 1) * pages) / cells);
    const base = c * PAGE_STATE_COUNT;
    for (; p < to; p++) result[base + codes[p]]++;
  }
  return result;
}

/** RGBA per state, indexed by code: palette[4 * code .. 4 * code + 3]. */
export type Palette = ArrayLike<number>;

/** A default palette (the app may use its own): greys for settled pages, warm colours for work to do. */
export const DEFAULT_PALETTE: Palette = paletteOf({
  [PageState.CLEAN]: [0xd9, 0xde, 0xe4, 255],
  [PageState.TO_SEND]: [0x4c, 0x78, 0xa8, 255],
  [PageState.TO_SEND_DIRTY]: [0xb0, 0x7a, 0xa1, 255],
  [PageState.DIRTY]: [0xe1, 0x57, 0x59, 255],
  [PageState.SKIPPED]: [0xf2, 0x8e, 0x2b, 255],
  [PageState.SENT_THIS_BATCH]: [0x59, 0xa1, 0x4f, 255],
  [PageState.SENT]: [0xa5, 0xd6, 0x9a, 255],
  [PageState.SENT_FINAL]: [0x76, 0x4a, 0xb0, 255],
  [PageState.FAULTED]: [0xed, 0xc9, 0x48, 255],
});

/** A palette from an RGBA colour per state code. */
export function paletteOf(colours: Record<number, readonly [number, number, number, number]>): Uint8Array {
  const palette = new Uint8Array(4 * PAGE_STATE_COUNT);
  for (let c = 0; c < PAGE_STATE_COUNT; c++) palette.set(colours[c] ?? [0, 0, 0, 0], 4 * c);
  return palette;
}

/**
 * The map as RGBA pixels, one per cell (row-major, ready for an ImageData of cellsX x cellsY): each
 * cell is the mean of its pages' palette colours, so a cell shows the mix of its states. Empty cells
 * are transparent. Pass `out` (length 4 * cellsX * cellsY) to reuse it.
 */
export function aggregateRGBA(state: Codes, cellsX: number, cellsY: number, palette: Palette = DEFAULT_PALETTE, out?: Uint8ClampedArray): Uint8ClampedArray {
  const codes = codesOf(state);
  const cells = checkCells(cellsX, cellsY);
  if (palette.length < 4 * PAGE_STATE_COUNT) throw new RangeError(`a palette needs ${4 * PAGE_STATE_COUNT} entries (RGBA per state)`);
  const result = out ?? new Uint8ClampedArray(4 * cells);
  if (result.length !== 4 * cells) throw new RangeError(`out has length ${result.length}, not ${4 * cells}`);
  const pal = Uint8Array.from({ length: 4 * PAGE_STATE_COUNT }, (_, i) => palette[i]);
  const pages = codes.length;
  if (pages <= cells) {
    for (let p = 0; p < pages; p++) {
      const k = codes[p] << 2;
      const o = p << 2;
      result[o] = pal[k];
      result[o + 1] = pal[k + 1];
      result[o + 2] = pal[k + 2];
      result[o + 3] = pal[k + 3];
    }
    result.fill(0, pages << 2);
    return result;
  }
  for (let c = 0, p = 0; c < cells; c++) {
    const to = Math.floor(((c + 1) * pages) / cells);
    const n = to - p;
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (; p < to; p++) {
      const k = codes[p] << 2;
      r += pal[k];
      g += pal[k + 1];
      b += pal[k + 2];
      a += pal[k + 3];
    }
    const o = c << 2;
    result[o] = r / n; // a clamped array rounds
    result[o + 1] = g / n;
    result[o + 2] = b / n;
    result[o + 3] = a / n;
  }
  return result;
}
