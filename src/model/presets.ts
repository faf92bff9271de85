// Scenarios from the papers, one click each in the app and each a shareable link.
import { DEFAULT_SCENARIO, type Scenario } from './scenario.ts';

export interface Preset {
  /** Stable id, used in URLs (?preset=…) and tests. */
  id: string;
  title: string;
  /** Paper and figure or table it comes from. */
  source: string;
  /** What it reproduces and how close the simulator gets, in one or two sentences. */
  description: string;
  scenario: Scenario;
}

const fig1 = (id: string, label: string, linkMbps: number, dirtyRate: number): Preset => ({
  id,
  title: `Akoush Fig. 1, ${label}`,
  source: 'Akoush et al., MASCOTS 2010, Fig. 1 and Table I',
  description: `1 GiB VM with a sequential writer on the ${label} link (${linkMbps} Mbit/s goodput); drag the dirty rate to trace the figure's curves.`,
  scenario: { ...DEFAULT_SCENARIO, linkMbps, dirtyRate },
});

export const PRESETS: readonly Preset[] = [
  fig1('akoush-100m', '100 Mbps', 94.2, 2000),
  fig1('akoush-1g', '1 Gbps', 935, 20000),
  fig1('akoush-10g', '10 Gbps', 7120, 100000),
];
