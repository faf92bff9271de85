// What the curves chart draws over its curves besides the runs, part of the scenario's state so that a
// link (and an exported figure's caption link) opens the same figure: `overlay=model,qemu72`. `model`
// is the closed form and RAM / bandwidth (charts/curves.ts modelOverlay), `qemu72` the real QEMU 7.2
// runs of the shared measurements (charts/MeasuredPoints.tsx), drawn only where the scenario matches
// them. Read defensively like url.ts: an unknown name is described for the notice and dropped.
import * as v from 'valibot';
import { measuredPointsFor } from '../../model/qemu72/points.ts';
import type { Scenario } from '../../model/index.ts';
import { safeText } from './url.ts';

export const OVERLAYS = ['model', 'qemu72'] as const;
export type Overlay = (typeof OVERLAYS)[number];

const OverlayName = v.picklist(OVERLAYS);
/** At most this many names are looked at (a link repeating one a thousand times is not read through). */
const MAX_NAMES = OVERLAYS.length + 4;

/** The overlays in words, as the export captions name them (model/words/describe.ts, describeFigure). */
export const OVERLAY_TEXT: Record<Overlay, string> = {
  model: 'the closed form and RAM / bandwidth for the current link',
  qemu72: 'the QEMU 7.2 measured runs',
};

/** Reads `overlay=`: the known names in OVERLAYS order; anything else goes into `ignored`. */
export function readOverlays(raw: string | null, ignored: string[]): Overlay[] {
  if (raw === null || raw === '') return [];
  const names = raw.split(',').slice(0, MAX_NAMES);
  const bad = names.filter((n) => !v.is(OverlayName, n));
  if (bad.length) ignored.push(`overlay: "${safeText(bad[0])}" is not one of ${OVERLAYS.join(', ')}; ignored`);
  return OVERLAYS.filter((o) => names.includes(o));
}

/** The value of `overlay=` for a set of overlays, in a stable order ('' for none). */
export function overlayText(overlays: readonly Overlay[]): string {
  return OVERLAYS.filter((o) => overlays.includes(o)).join(',');
}

/**
 * The overlays actually drawn for this run: none when a trace gives the rate (the chart then runs the
 * migration at several starts instead of against the rate), the measured runs only where they match it.
 */
export function drawnOverlays(overlays: readonly Overlay[], scenario: Scenario, traced: boolean): Overlay[] {
  if (traced) return [];
  return OVERLAYS.filter((o) => overlays.includes(o) && (o !== 'qemu72' || measuredPointsFor(scenario).length > 0));
}
