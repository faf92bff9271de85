// The guided lessons: each a few steps, each step a scenario (over the defaults), where the player
// starts, which groups of the page to hide, a paragraph and a question. `claims` are the numbers the
// paragraph quotes; lessons.test.ts runs each step through the simulator and checks them, and checks
// that the paragraph shows them as written here.
import { DEFAULT_SCENARIO, type Scenario, type StopReason } from '../../model/index.ts';
import type { Group } from '../state/classroom.ts';
import type { PlayerStart } from './teachStore.ts';

export interface LessonClaims {
  /** Seconds, quoted to `digits` decimals. */
  migrationTimeS?: number;
  downtimeS?: number;
  stopReason?: StopReason;
  iterations?: number;
  /** The claimed migration time is Xen's lower bound (Akoush Eq. 3). */
  atLowerBound?: boolean;
  /** The claimed downtime is the upper bound of the downtime (Akoush Eq. 4). */
  downtimeAtUpperBound?: boolean;
  /** Post-copy: pages fetched on demand (quoted with thousands separators) and the degraded time, s. */
  remoteFaults?: number;
  degradedS?: number;
}

export interface LessonStep {
  title: string;
  scenario: Partial<Scenario>;
  start: PlayerStart;
  hide: Group[];
  text: string;
  question: string;
  claims: LessonClaims;
}

export interface Lesson {
  id: string;
  title: string;
  /** One line for the list of lessons. */
  blurb: string;
  steps: LessonStep[];
}

/** A small VM on Akoush's gigabit link: 65,536 pages of 4 KiB, about 28,500 pages/s on the wire. */
const SMALL_GIGABIT: Partial<Scenario> = { vmMiB: 256, linkMbps: 935, pattern: 'sequential', wssPages: null };
/** The end of any run: the player clamps a large step to the last stop. */
const END = 1_000_000;

export const LESSONS: readonly Lesson[] = [
  {
    id: 'idle-lower-bound',
    title: 'An idle VM migrates at the lower bound',
    blurb: 'With nothing being written, one pass over memory is all pre-copy needs.',
    steps: [
      {
        title: 'One pass over memory',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 0 },
        start: { step: 1, granularity: 'batch', speed: 10 },
        hide: ['advanced', 'trace', 'curves'],
        text: 'This VM has 256 MiB of memory: 65,536 pages of 4 KiB, one cell each on the map. Nothing inside it is writing. Pre-copy first sends every page once while the VM keeps running; the gigabit link carries about 28,500 pages a second, so this pass takes about 2.3 s. Press Play and watch the cells change from “not sent” to “sent”.',
        question: 'If no page is written again, what is left to send once the first pass ends?',
        claims: {},
      },
      {
        title: 'Nothing left to resend',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 0 },
        start: { step: END, granularity: 'iteration' },
        hide: ['advanced', 'trace', 'curves'],
        text: 'No page was dirtied, so the next pass finds nothing to resend and the VM is paused for the final copy at once. The whole migration takes 6.39 s: 3.78 s of preparation, 2.3 s for the pages and 0.31 s of work after the copy, which is also the downtime. That is the lower bound of Akoush et al. (Eq. 3 and 4): the overheads plus one pass over memory. No run on this link can be faster.',
        question: 'Which of the three parts would a faster link shorten?',
        claims: { migrationTimeS: 6.39, downtimeS: 0.31, atLowerBound: true, stopReason: 'few-dirty-pages' },
      },
      {
        title: 'Four times the memory',
        scenario: { ...SMALL_GIGABIT, vmMiB: 1024, dirtyRate: 0 },
        start: { step: END, granularity: 'iteration' },
        hide: ['advanced', 'trace', 'curves'],
        text: 'The same idle VM with 1024 MiB has four times as many pages, 262,144, and the pass over them takes four times as long. The migration now takes 13.28 s; the downtime stays at 0.31 s because nothing has to be sent while the VM is paused. For an idle VM only the memory size and the link matter.',
        question: 'Move the link to 10 Gbps: why does the time not drop tenfold?',
        claims: { migrationTimeS: 13.28, downtimeS: 0.31, atLowerBound: true },
      },
    ],
  },
  {
    id: 'knee',
    title: 'The knee: when dirtying catches up with the link',
    blurb: 'Below about two thirds of the link’s page rate pre-copy converges; above it, it gives up.',
    steps: [
      {
        title: 'A gentle writer',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 10_000 },
        start: { step: 1, granularity: 'iteration', speed: 2 },
        hide: ['advanced', 'trace'],
        text: 'The VM now writes 10,000 pages a second, about 35 % of the 28,500 the link sends. Each pass resends only the pages written during the previous one, so every pass is about a third as long as the one before. Step through the iterations: after 9 iterations few enough pages are left and the VM stops for the final copy. The migration takes 7.63 s and the downtime is still 0.31 s.',
        question: 'Why does each pass get shorter, and by how much?',
        claims: { migrationTimeS: 7.63, downtimeS: 0.31, iterations: 9, stopReason: 'few-dirty-pages' },
      },
      {
        title: 'Close to the knee',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 19_000 },
        start: { step: 1, granularity: 'iteration', speed: 5 },
        hide: ['advanced', 'trace'],
        text: 'At 19,000 pages a second (two thirds of the link) each pass is still shorter than the last, but only just: it takes 20 iterations to get down to a few pages, and the migration takes 10.97 s. The downtime is still short, 0.32 s. Watch the dirty pages on the map: they refill almost as fast as the link drains them.',
        question: 'Xen stops once it has sent three times the VM. How close is this run to that limit?',
        claims: { migrationTimeS: 10.97, downtimeS: 0.32, iterations: 20, stopReason: 'few-dirty-pages' },
      },
      {
        title: 'Past the knee',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 21_000 },
        start: { step: END, granularity: 'iteration' },
        hide: ['advanced', 'trace'],
        text: 'Only 2,000 pages a second more, and Xen gives up: after 7 iterations it has sent more than three times the VM’s memory, so it pauses the VM with many pages still dirty. The migration takes 11.78 s, barely longer, but the downtime jumps to 0.68 s. This is the knee of the curves: when the passes no longer shrink quickly enough, the total sent (a geometric series) passes the data limit, here a little above two thirds of the link’s page rate.',
        question: 'Open the curves below: where does the downtime curve bend upwards?',
        claims: { migrationTimeS: 11.78, downtimeS: 0.68, iterations: 7, stopReason: 'max-data-factor' },
      },
      {
        title: 'Faster than the link',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 35_000 },
        start: { step: END, granularity: 'iteration' },
        hide: ['advanced', 'trace'],
        text: 'At 35,000 pages a second the VM writes faster than the link sends, so no pass is shorter than the first. The final copy has to send the whole working set while the VM is paused: the downtime is 2.61 s, the upper bound of Akoush’s Eq. 4, and pre-copy has gained nothing over stopping the VM at once.',
        question: 'What could make this VM migrate with a short downtime?',
        claims: { downtimeS: 2.61, downtimeAtUpperBound: true, stopReason: 'max-data-factor' },
      },
    ],
  },
  {
    id: 'throttle',
    title: 'Why throttling the writer helps',
    blurb: 'Slowing the guest down lets pre-copy catch up: a vCPU limit, or QEMU’s auto-converge.',
    steps: [
      {
        title: 'A writer the link cannot catch',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 40_000 },
        start: { step: END, granularity: 'iteration' },
        hide: ['advanced', 'trace', 'curves'],
        text: 'This VM writes 40,000 pages a second, more than the 28,500 the link sends. Xen copies until it has sent three times the VM and then pauses it with everything still dirty: the migration takes 14.59 s and the downtime is 2.61 s, as long as a full copy of the memory.',
        question: 'If the writer could only run part of the time, how many pages would it dirty per second?',
        claims: { migrationTimeS: 14.59, downtimeS: 2.61, stopReason: 'max-data-factor' },
      },
      {
        title: 'Hold the writer to 40 % of a vCPU',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 40_000, vcpuLimit: 0.4 },
        start: { step: 1, granularity: 'iteration', speed: 5 },
        hide: ['trace', 'curves'],
        text: 'Limit the writing process to 40 % of a vCPU (as Akoush et al. did with their streaming VM) and it dirties only 16,000 pages a second, below the knee. Pre-copy now converges after 15 iterations: the migration takes 9.32 s, and the downtime falls to 0.31 s. The application runs slower during the migration, but only for those few seconds.',
        question: 'What does the application lose, and for how long?',
        claims: { migrationTimeS: 9.32, downtimeS: 0.31, iterations: 15, stopReason: 'few-dirty-pages' },
      },
      {
        title: 'QEMU without auto-converge',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 40_000, policy: 'qemu', autoConverge: false },
        start: { step: END, granularity: 'iteration' },
        hide: ['trace', 'curves'],
        text: 'QEMU keeps copying until what is left fits in its downtime limit (300 ms here). With the writer at 40,000 pages a second it never does: when the 150 s timeout expires the guest is paused where the pass stands, and the run ends after 156.39 s, with a downtime of 2.61 s.',
        question: 'Why is this worse than Xen’s data limit for the same VM?',
        claims: { migrationTimeS: 156.39, downtimeS: 2.61, stopReason: 'no-convergence' },
      },
      {
        title: 'QEMU with auto-converge',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 40_000, policy: 'qemu', autoConverge: true },
        start: { step: 1, granularity: 'iteration', speed: 5 },
        hide: ['trace', 'curves'],
        text: 'Auto-converge throttles the guest’s vCPUs a little more after each pass that does not make progress. Step through the iterations and watch the dirty pages thin out as the throttle grows: after 16 iterations the rest fits in the downtime limit. The migration takes 21.18 s and the downtime is 0.60 s.',
        question: 'Which is better for a user of this VM: 156 s of full speed and 2.6 s frozen, or 21 s of slowing and 0.6 s frozen?',
        claims: { migrationTimeS: 21.18, downtimeS: 0.6, iterations: 16, stopReason: 'within-downtime-limit' },
      },
    ],
  },
  {
    id: 'postcopy',
    title: 'Post-copy: move first, fetch later',
    blurb: 'Switching over at once gives a short downtime for any writer, at the cost of a slow start.',
    steps: [
      {
        title: 'Pre-copy against a fast writer',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 40_000 },
        start: { step: END, granularity: 'iteration' },
        hide: ['advanced', 'trace'],
        text: 'Again a VM writing 40,000 pages a second, faster than the link. Pre-copy resends and resends, gives up at the data limit and pauses the VM for a full copy: 14.59 s in all and 2.61 s of downtime.',
        question: 'What if the VM moved before its memory did?',
        claims: { migrationTimeS: 14.59, downtimeS: 2.61, stopReason: 'max-data-factor' },
      },
      {
        title: 'Post-copy',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 40_000, policy: 'postcopy' },
        start: { step: 1, granularity: 'batch', speed: 30 },
        hide: ['advanced', 'trace'],
        text: 'Post-copy pauses the VM at once, moves only its processor state, and resumes it at the destination; then the memory is pushed over in one pass, and a page the guest touches before it has arrived is fetched on demand. The downtime is 0.32 s however fast the guest writes, and every page crosses the link once: 6.40 s in all. The price: 56,320 pages were fetched on demand, and for 2.30 s the guest ran slowly, waiting for its own memory.',
        question: 'What happens to the VM if the source host fails during those 2.30 s?',
        claims: { migrationTimeS: 6.4, downtimeS: 0.32, stopReason: 'postcopy', remoteFaults: 56_320, degradedS: 2.3 },
      },
    ],
  },
];

export function lessonById(id: string | null): Lesson | null {
  return LESSONS.find((l) => l.id === id) ?? null;
}

/** A step's full scenario: its fields over the defaults. */
export function stepScenario(step: LessonStep): Scenario {
  return { ...DEFAULT_SCENARIO, ...step.scenario };
}
