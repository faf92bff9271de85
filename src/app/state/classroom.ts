// Classroom links (TensorFlow Playground's `<group>_hide=1`): keys beside the scenario's that open the
// teaching mode at a step and speed, pick the theme and type size for the visit, hide control groups,
// show one chart alone for an iframe (`embed=1&chart=…`) or open a guided lesson. Read defensively like
// url.ts: never throws; a bad value is described in `ignored` and left at its default.
import { SPEEDS, type Speed } from '../teach/player.ts';
import { safeText } from './url.ts';

/** The groups of the page a link can hide, in the order the page shows them. */
export const GROUPS = [
  { id: 'header', label: 'Header actions (copy link, theme, large type)' },
  { id: 'rate', label: 'Page dirty rate' },
  { id: 'link', label: 'Link speed' },
  { id: 'vm', label: 'VM memory' },
  { id: 'policy', label: 'Migration policy' },
  { id: 'trace', label: 'Dirty-rate trace' },
  { id: 'advanced', label: 'Advanced settings' },
  { id: 'presets', label: 'Presets' },
  { id: 'summary', label: 'Summary' },
  { id: 'sla', label: 'SLA lens' },
  { id: 'charts', label: 'Iteration and timeline charts' },
  { id: 'curves', label: 'Curves against the dirty rate' },
  { id: 'compare', label: 'Compare scenarios' },
  { id: 'validation', label: 'How close is this to the papers?' },
] as const;
export type Group = (typeof GROUPS)[number]['id'];
/** The groups in the controls column: with all of them hidden the column goes. */
export const CONTROL_GROUPS: readonly Group[] = ['rate', 'link', 'vm', 'policy', 'trace', 'advanced'];

/** The app's views (state/views.ts has their names); `view=` picks one, Explore is the default. */
export const VIEW_IDS = ['explore', 'teach', 'compare', 'sla', 'check'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export const CHARTS = ['iterations', 'timeline', 'curves', 'memory'] as const;
export type EmbedChart = (typeof CHARTS)[number];
export type StepBy = 'batch' | 'iteration';
export type ThemeChoice = 'light' | 'dark';

/** The largest step a link may ask for; the player clamps it to the run anyway. */
const MAX_STEP = 1_000_000;

export interface Classroom {
  teach: boolean;
  /** Player stop, 1-based, or null for the start. */
  step: number | null;
  speed: Speed | null;
  by: StepBy | null;
  autoplay: boolean;
  theme: ThemeChoice | null;
  large: boolean | null;
  hide: Group[];
  embed: boolean;
  chart: EmbedChart;
  lesson: string | null;
  lessonStep: number | null;
  /** The view the link asked for, or null for the one its other keys imply (see viewOf). */
  view: ViewId | null;
}

export const NO_CLASSROOM: Readonly<Classroom> = Object.freeze({
  teach: false,
  step: null,
  speed: null,
  by: null,
  autoplay: false,
  theme: null,
  large: null,
  hide: [],
  embed: false,
  chart: 'iterations',
  lesson: null,
  lessonStep: null,
  view: null,
});

/** The view a classroom state opens: `view=` if given, else Teach for `teach=1` or a lesson, else Explore. */
export function viewOf(c: Pick<Classroom, 'view' | 'teach' | 'lesson'>): ViewId {
  return c.view ?? (c.teach || c.lesson !== null ? 'teach' : 'explore');
}

const GROUP_IDS: readonly string[] = GROUPS.map((g) => g.id);
const HIDE_SUFFIX = '_hide';
const PLAIN_KEYS = new Set(['teach', 'step', 'speed', 'by', 'autoplay', 'theme', 'large', 'embed', 'chart', 'lesson', 'lesson-step', 'view']);

/** Whether url.ts should leave `key` to this module (so it is not reported as unknown). */
export function isClassroomKey(key: string): boolean {
  if (PLAIN_KEYS.has(key)) return true;
  return key.endsWith(HIDE_SUFFIX) && GROUP_IDS.includes(key.slice(0, -HIDE_SUFFIX.length));
}

function readFlag(key: string, raw: string, ignored: string[]): boolean | null {
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  ignored.push(`${key}: "${safeText(raw)}" is not 1 or 0; ignored`);
  return null;
}

function readWhole(key: string, raw: string, ignored: string[]): number | null {
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) {
    ignored.push(`${key}: "${safeText(raw)}" is not a whole number from 1; ignored`);
    return null;
  }
  return Math.min(Number(raw), MAX_STEP);
}

function readChoice<T extends string>(key: string, raw: string, options: readonly T[], ignored: string[]): T | null {
  if ((options as readonly string[]).includes(raw)) return raw as T;
  ignored.push(`${key}: "${safeText(raw)}" is not one of ${options.join(', ')}; ignored`);
  return null;
}

/** Reads the classroom keys of a query (and hash) string; other keys are url.ts's business. */
export function decodeClassroom(entries: Iterable<[string, string]>): { classroom: Classroom; ignored: string[] } {
  const ignored: string[] = [];
  const c: Classroom = { ...NO_CLASSROOM, hide: [] };
  const seen = new Set<string>();
  for (const [key, raw] of entries) {
    if (!isClassroomKey(key)) continue;
    if (seen.has(key)) {
      ignored.push(`${key}: repeated; the first value was used`);
      continue;
    }
    seen.add(key);
    if (key.endsWith(HIDE_SUFFIX)) {
      if (readFlag(key, raw, ignored)) c.hide.push(key.slice(0, -HIDE_SUFFIX.length) as Group);
      continue;
    }
    switch (key) {
      case 'teach':
        c.teach = readFlag(key, raw, ignored) ?? false;
        break;
      case 'autoplay':
        c.autoplay = readFlag(key, raw, ignored) ?? false;
        break;
      case 'embed':
        c.embed = readFlag(key, raw, ignored) ?? false;
        break;
      case 'large':
        c.large = readFlag(key, raw, ignored);
        break;
      case 'step':
        c.step = readWhole(key, raw, ignored);
        break;
      case 'lesson-step':
        c.lessonStep = readWhole(key, raw, ignored);
        break;
      case 'speed': {
        const n = readChoice(key, raw, SPEEDS.map(String), ignored);
        c.speed = n === null ? null : (Number(n) as Speed);
        break;
      }
      case 'by':
        c.by = readChoice(key, raw, ['batch', 'iteration'] as const, ignored);
        break;
      case 'theme':
        c.theme = readChoice(key, raw, ['light', 'dark'] as const, ignored);
        break;
      case 'chart':
        c.chart = readChoice(key, raw, CHARTS, ignored) ?? 'iterations';
        break;
      case 'view':
        c.view = readChoice(key, raw, VIEW_IDS, ignored);
        break;
      case 'lesson':
        // Checked against the lessons by the caller (this module does not import them).
        c.lesson = raw.length > 0 && raw.length <= 40 ? raw : null;
        if (c.lesson === null) ignored.push(`lesson: "${safeText(raw)}" is not a lesson; ignored`);
        break;
    }
  }
  c.hide = GROUP_IDS.filter((g) => c.hide.includes(g as Group)) as Group[];
  if (seen.has('chart') && !c.embed) ignored.push('chart: only used with embed=1; ignored');
  return { classroom: c, ignored };
}

/** The classroom keys that reproduce `c` (only what differs from NO_CLASSROOM), in a stable order. */
export function encodeClassroom(c: Classroom): [string, string][] {
  const out: [string, string][] = [];
  if (c.lesson !== null) {
    out.push(['lesson', c.lesson]);
    if (c.lessonStep !== null) out.push(['lesson-step', String(c.lessonStep)]);
  }
  if (c.embed) out.push(['embed', '1'], ['chart', c.chart]);
  // Only a view the other keys do not imply (a lesson link stays a lesson link).
  if (c.view !== null && c.view !== viewOf({ ...c, view: null })) out.push(['view', c.view]);
  if (c.teach) out.push(['teach', '1']);
  if (c.step !== null) out.push(['step', String(c.step)]);
  if (c.by !== null) out.push(['by', c.by]);
  if (c.speed !== null) out.push(['speed', String(c.speed)]);
  if (c.autoplay) out.push(['autoplay', '1']);
  if (c.theme !== null) out.push(['theme', c.theme]);
  if (c.large !== null) out.push(['large', c.large ? '1' : '0']);
  for (const g of GROUP_IDS) if (c.hide.includes(g as Group)) out.push([`${g}${HIDE_SUFFIX}`, '1']);
  return out;
}
