// The curves' overlays are part of the link (issue 11: an exported figure's caption link opens the same
// figure): `overlay=` round-trips, a bad name is reported and dropped, and only drawn overlays are named.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../model/index.ts';
import { measuredScenarios } from '../../model/qemu72/points.ts';
import { OVERLAYS, drawnOverlays, readOverlays } from './overlays.ts';
import { createAppStore } from './store.ts';
import { decodeUrl, encodeState } from './url.ts';
import { stateQuery } from './urlSync.ts';

describe('overlays in the link', () => {
  it('round-trips every set of overlays beside the scenario, the compared policies and the pins', () => {
    const s = { ...DEFAULT_SCENARIO, dirtyRate: 12_000 };
    for (const overlays of [[], ['model'], ['qemu72'], ['qemu72', 'model']] as const) {
      const query = encodeState(s, { trace: null, compare: ['postcopy'], overlays });
      const d = decodeUrl(`?${query}`);
      expect(d.ignored).toEqual([]);
      expect(d.scenario).toEqual(s);
      expect(d.compare).toEqual(['postcopy']);
      // In OVERLAYS order whatever order they were given in.
      expect(d.overlays).toEqual(OVERLAYS.filter((o) => (overlays as readonly string[]).includes(o)));
      expect(new URLSearchParams(query).has('overlay')).toBe(overlays.length > 0);
    }
  });

  it('reports a name it does not know and keeps the ones it does', () => {
    const d = decodeUrl('?rate=5&overlay=qemu72,%3Cb%3Ex,model,model');
    expect(d.overlays).toEqual(['model', 'qemu72']);
    expect(d.scenario.dirtyRate).toBe(5);
    expect(d.ignored).toEqual(['overlay: "<b>x" is not one of model, qemu72; ignored']);
    // Nothing usable: nothing drawn, one note, the rest of the link read as usual.
    const junk = decodeUrl(`?overlay=${'x'.repeat(500)}&vm=2048`);
    expect(junk.overlays).toEqual([]);
    expect(junk.scenario.vmMiB).toBe(2048);
    expect(junk.ignored).toHaveLength(1);
    expect(junk.ignored[0].length).toBeLessThan(80);
    // An empty value is no overlay, not a problem.
    expect(decodeUrl('?overlay=')).toMatchObject({ overlays: [], ignored: [] });
    const notes: string[] = [];
    expect(readOverlays('MODEL', notes)).toEqual([]);
    expect(notes).toHaveLength(1);
  });

  it('the store toggles them and the address bar writes them', () => {
    const store = createAppStore({ scenario: DEFAULT_SCENARIO, presetId: null, notice: [], theme: 'light', largeType: false, overlays: ['qemu72'] });
    store.getState().setOverlay('model', true);
    expect(store.getState().overlays).toEqual(['qemu72', 'model']);
    expect(new URLSearchParams(stateQuery(store.getState())).get('overlay')).toBe('model,qemu72');
    store.getState().setOverlay('qemu72', false);
    store.getState().setOverlay('qemu72', false);
    expect(store.getState().overlays).toEqual(['model']);
    store.getState().setOverlay('model', false);
    expect(new URLSearchParams(stateQuery(store.getState())).has('overlay')).toBe(false);
  });

  it('names only what is drawn: the measured runs where they match the scenario, nothing under a trace', () => {
    const measured = measuredScenarios()[0].scenario;
    expect(drawnOverlays(['model', 'qemu72'], measured, false)).toEqual(['model', 'qemu72']);
    expect(drawnOverlays(['model', 'qemu72'], DEFAULT_SCENARIO, false)).toEqual(['model']);
    expect(drawnOverlays(['model', 'qemu72'], measured, true)).toEqual([]);
  });
});
