// The guided lessons: each a few steps, each step a scenario (over the defaults), where the player
// starts, which groups of the page to hide, a paragraph and a question. `claims` are the numbers the
// paragraph quotes; lessons.test.ts runs each step through the simulator and checks them, and checks
// that the paragraph shows them as written here.
import { DEFAULT_SCENARIO, type Scenario, type StopReason } from '../../model/index.ts';
import type { Group } from '../state/classroom.ts';
import type { PlayerStart } from './teachStore.ts';

/**
 * What a step's story depends on, checked against the simulator by lessons.test.ts. The numbers a
 * paragraph quotes are not written here: the text names them as placeholders ({time}, {downtime},
 * {iterations}, {counts}, {live}, {faults}, {degraded}, {pre}, {post}, {firstPass}, {linkPages},
 * {timeout}, {limit}) that lessonText.ts fills from a run through the summary's formatters.
 */
export interface LessonClaims {
  stopReason?: StopReason;
  /** Xen: the iterations the paragraph's story needs (the count includes the stop-and-copy). */
  iterations?: number;
  /** The migration time and downtime are Xen's lower bounds (Akoush Eq. 3 and 4). */
  atLowerBound?: boolean;
  /** The downtime is the upper bound of the downtime (Akoush Eq. 4). */
  downtimeAtUpperBound?: boolean;
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
    blurb: 'With nothing being written, pre-copy needs one full copy, an empty check and an empty stop-and-copy.',
    steps: [
      {
        title: 'The first iteration: every page once',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 0 },
        start: { step: 1, granularity: 'batch', speed: 10 },
        hide: ['advanced', 'trace', 'curves'],
        text: 'This VM has 256 MiB of memory: 65,536 pages of 4 KiB, one cell each on the map. Nothing inside it is writing. In its first iteration pre-copy sends every page once while the VM keeps running; the gigabit link carries {linkPages} pages a second, so this iteration takes {firstPass}. Press Play and watch the cells change from “not sent” to “sent”.',
        question: 'If no page is written again, what is left to send once the first iteration ends?',
        claims: {},
      },
      {
        title: 'Nothing left to resend',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 0 },
        start: { step: END, granularity: 'iteration' },
        hide: ['advanced', 'trace', 'curves'],
        text: 'No page was dirtied, so the second iteration finds nothing to resend and the VM is paused for the stop-and-copy at once. In all, {counts} (a full copy, then an empty check). The whole migration takes {time}: {pre} of preparation, {firstPass} for the pages and {post} of commitment and activation after the copy, which is also the downtime of {downtime}. That is the lower bound of Akoush et al. (Eq. 3 and 4): the overheads plus one copy of memory. No run on this link can be faster.',
        question: 'Which of the three parts would a faster link shorten?',
        claims: { atLowerBound: true, iterations: 3, stopReason: 'few-dirty-pages' },
      },
      {
        title: 'Four times the memory',
        scenario: { ...SMALL_GIGABIT, vmMiB: 1024, dirtyRate: 0 },
        start: { step: END, granularity: 'iteration' },
        hide: ['advanced', 'trace', 'curves'],
        text: 'The same idle VM with 1024 MiB has four times as many pages, 262,144, and the first iteration over them takes four times as long, {firstPass}. The migration now takes {time}; the downtime stays at {downtime} because nothing has to be sent while the VM is paused. For an idle VM only the memory size and the link matter.',
        question: 'Move the link to 10 Gbps: why does the time not drop tenfold?',
        claims: { atLowerBound: true },
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
        text: 'The VM now writes 10,000 pages a second, about 35 % of the {linkPages} the link sends. Each iteration resends only the pages written during the previous one, so every iteration is about a third as long as the one before. Step through the iterations: few enough pages are left after {live}, and the VM stops for the stop-and-copy; in all, {counts}. The migration takes {time} and the downtime is still {downtime}.',
        question: 'Why does each iteration get shorter, and by how much?',
        claims: { iterations: 9, stopReason: 'few-dirty-pages' },
      },
      {
        title: 'Close to the knee',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 19_000 },
        start: { step: 1, granularity: 'iteration', speed: 5 },
        hide: ['advanced', 'trace'],
        text: 'At 19,000 pages a second (two thirds of the link) each iteration is still shorter than the last, but only just: it takes {live} to get down to a few pages ({counts}), and the migration takes {time}. The downtime is still short, {downtime}. Watch the dirty pages on the map: they refill almost as fast as the link drains them.',
        question: 'Xen stops once it has sent three times the VM. How close is this run to that limit?',
        claims: { iterations: 20, stopReason: 'few-dirty-pages' },
      },
      {
        title: 'Past the knee',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 21_000 },
        start: { step: END, granularity: 'iteration' },
        hide: ['advanced', 'trace'],
        text: 'Only 2,000 pages a second more, and Xen gives up: after {live} it has sent more than three times the VM’s memory, so it pauses the VM for the stop-and-copy with many pages still dirty ({counts}). The migration takes {time}, barely longer, but the downtime jumps to {downtime}. This is the knee of the curves: when the iterations no longer shrink quickly enough, the total sent (a geometric series) passes the data limit, here a little above two thirds of the link’s page rate.',
        question: 'Open the curves below: where does the downtime curve bend upwards?',
        claims: { iterations: 7, stopReason: 'max-data-factor' },
      },
      {
        title: 'Faster than the link',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 35_000 },
        start: { step: END, granularity: 'iteration' },
        hide: ['advanced', 'trace'],
        text: 'At 35,000 pages a second the VM writes faster than the link sends, so no iteration is shorter than the first. The stop-and-copy has to send the whole working set while the VM is paused: the downtime is {downtime}, the upper bound of Akoush’s Eq. 4, and pre-copy has gained nothing over stopping the VM at once.',
        question: 'What could make this VM migrate with a short downtime?',
        claims: { downtimeAtUpperBound: true, stopReason: 'max-data-factor' },
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
        text: 'This VM writes 40,000 pages a second, more than the {linkPages} the link sends. Xen copies until it has sent three times the VM and then pauses it with everything still dirty: the migration takes {time} and the downtime is {downtime}, as long as a full copy of the memory.',
        question: 'If the writer could only run part of the time, how many pages would it dirty per second?',
        claims: { stopReason: 'max-data-factor' },
      },
      {
        title: 'Hold the writer to 40 % of a vCPU',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 40_000, vcpuLimit: 0.4 },
        start: { step: 1, granularity: 'iteration', speed: 5 },
        hide: ['trace', 'curves'],
        text: 'Limit the writing process to 40 % of a vCPU (as Akoush et al. did with their streaming VM) and it dirties only 16,000 pages a second, below the knee. Pre-copy now converges: {counts}; the migration takes {time}, and the downtime falls to {downtime}. The application runs slower during the migration, but only for those few seconds.',
        question: 'What does the application lose, and for how long?',
        claims: { iterations: 15, stopReason: 'few-dirty-pages' },
      },
      {
        title: 'QEMU without auto-converge',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 40_000, policy: 'qemu', autoConverge: false },
        start: { step: END, granularity: 'iteration' },
        hide: ['trace', 'curves'],
        text: 'QEMU keeps copying until what is left fits in its downtime limit ({limit} here). With the writer at 40,000 pages a second it never does: when the {timeout} timeout expires the guest is paused where the iteration stands, and the run ends after {time} ({counts}), with a downtime of {downtime}.',
        question: 'Why is this worse than Xen’s data limit for the same VM?',
        claims: { stopReason: 'no-convergence' },
      },
      {
        title: 'QEMU with auto-converge',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 40_000, policy: 'qemu', autoConverge: true },
        start: { step: 1, granularity: 'iteration', speed: 5 },
        hide: ['trace', 'curves'],
        text: 'Auto-converge throttles the guest’s vCPUs a little more after each iteration that does not make progress. Step through the iterations and watch the dirty pages thin out as the throttle grows: after {live} the rest fits in the downtime limit. The migration takes {time} and the downtime is {downtime}.',
        question: 'Which is better for a user of this VM: the long run at full speed with a long freeze, or this shorter, slowed run with a short one?',
        claims: { stopReason: 'within-downtime-limit' },
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
        text: 'Again a VM writing 40,000 pages a second, faster than the link. Pre-copy resends and resends, gives up at the data limit and pauses the VM for a full stop-and-copy: {time} in all and {downtime} of downtime.',
        question: 'What if the VM moved before its memory did?',
        claims: { stopReason: 'max-data-factor' },
      },
      {
        title: 'Post-copy',
        scenario: { ...SMALL_GIGABIT, dirtyRate: 40_000, policy: 'postcopy' },
        start: { step: 1, granularity: 'batch', speed: 30 },
        hide: ['advanced', 'trace'],
        text: 'Post-copy pauses the VM at once, moves only its processor state, and resumes it at the destination; then the memory is pushed over in one sweep, and a page the guest touches before it has arrived is fetched on demand (a remote fault). The downtime is {downtime} however fast the guest writes, and every page crosses the link once: {time} in all ({counts}). The price: {faults} pages were fetched on demand, and for {degraded} the guest ran slowly, waiting for its own memory.',
        question: 'What happens to the VM if the source host fails during those {degraded}?',
        claims: { stopReason: 'postcopy' },
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
