// Short definitions of every term of the domain the app uses, shown by <Term> (Term.tsx) wherever the
// term appears. Written for a class: one or two plain sentences each, in this project's own words. The
// counts (iteration, live iteration, stop-and-copy, switch-over, syncs, batch) follow the shared
// vocabulary of docs/TEACHING.md ("Counting"); glossary.test.ts scans the UI's strings and the narration
// for domain words without an entry here.

import type { PolicyName } from '../../model/index.ts';

export const GLOSSARY = {
  'dirty page': 'A page of guest memory written since the migration last recorded it as sent. Its copy at the destination is out of date, so it must be sent again.',
  'dirty bitmap': 'One bit per page of guest memory, set when the guest writes the page. The migration reads it to learn which pages must be sent again.',
  clean: 'The end of an iteration: the dirty bitmap is read, becomes the next iteration’s to-send list, and is cleared so that new writes show up again.',
  'writable working set': 'The pages the guest keeps writing to. A large or busy working set is dirtied faster than the link can send it, so pre-copy cannot converge.',
  'working set': 'The pages the guest writes to (its writable working set); the hot set is the part written most often.',
  'hot set': 'In the hot/cold pattern, the small share of the working set that takes most of the writes.',
  goodput: 'The rate of useful page data the link actually delivers, after protocol overheads: lower than the nominal link speed.',
  'effective rate': 'The rate at which memory really moves: the link’s goodput, unless QEMU’s max-bandwidth cap or the compressor is slower, or zero pages and compression make pages smaller on the wire.',
  'max-bandwidth': 'QEMU’s cap on the migration’s rate during the live iterations, 128 MiB/s (about 1.07 Gbit/s) by default: on a faster link the cap, not the link, sets the pace.',
  'stop-and-copy': 'The last iteration: the guest is paused and every page still dirty is sent, while nothing can dirty them again. With commitment and activation it makes up the downtime.',
  'switch-over': 'The moment the guest is paused and the stop-and-copy begins; in post-copy, the moment the guest moves to the destination.',
  downtime: 'How long the guest is paused and unavailable: the stop-and-copy plus commitment and activation at the destination.',
  'downtime limit': 'QEMU switches over once it estimates that the pages still dirty can be sent within this time.',
  timeout: 'How long QEMU (through libvirt) lets pre-copy try to converge before it forces the switch-over.',
  commitment: 'The destination confirms it holds a complete copy of the VM; from then on the source copy can be dropped.',
  activation: 'The destination starts the VM: devices are attached and the guest resumes. With commitment it is the post-migration overhead.',
  'pre-migration overhead': 'Time spent before any page is sent: the destination is prepared (initialisation) and resources are reserved.',
  'post-migration overhead': 'Time spent after the last page is sent: commitment and activation. The guest is still paused, so it counts as downtime.',
  peek: 'Xen reads the dirty bitmap before each batch without clearing it, to learn which pages have already been written again.',
  skip: 'A page that is dirty again when its batch is prepared is not sent now: it would only be stale again, so it waits for a later iteration.',
  batch: 'A group of up to 1,024 pages that the migration sends together inside an iteration.',
  iteration: 'One round of copying memory, numbered from 1. The reported count includes the last one, the stop-and-copy. For QEMU an iteration is one pass over the dirty bitmap.',
  'live iteration': 'Every iteration but the last: the guest keeps running and dirtying pages while it is copied.',
  pass: 'One pass over the dirty bitmap: QEMU’s word for an iteration.',
  syncs: 'QEMU’s dirty-sync-count: how often it synchronised the dirty bitmap (at setup, at the end of each pass, while deciding to switch over, and at completion). Shown beside the iterations, not instead of them.',
  'end game': 'QEMU’s last stretch of pre-copy: once the unsent rest of a pass is under the threshold it syncs the bitmap every 100 ms and counts again, switching over as soon as the count fits the downtime limit.',
  'writer CPU': 'The share of a vCPU the guest’s writer needs to dirty pages at its rate. A throttle or vCPU limit slows the writer only when it leaves less CPU than that.',
  'to-send list': 'The pages an iteration must send: every page in the first iteration, then the pages dirtied during the previous one.',
  'pre-copy': 'Migration that copies memory while the guest keeps running, iteration after iteration, and pauses the guest only for the last few pages.',
  'post-copy': 'Migration that moves the guest to the destination first and then sends its memory, fetching any page the guest touches before it arrives.',
  push: 'In post-copy, the source sends the pages the destination still lacks in the background, in order, whether or not the guest needs them yet.',
  'remote fault': 'In post-copy, the guest touched a page that had not arrived yet; it waits while that page is fetched from the source on demand.',
  degraded: 'In post-copy, the time the guest runs at the destination before its working set has all arrived, slowed by remote faults.',
  throttle: 'Slowing the guest’s CPU (QEMU auto-converge) so that it dirties memory more slowly than the link sends it.',
  'auto-converge': 'QEMU’s option to throttle a guest that dirties memory faster than it can be sent, a little more after each pass that makes no progress.',
  'vCPU limit': 'A cap on the share of a virtual CPU the writing process may use during the migration: a slower writer dirties fewer pages.',
  'data limit': 'Xen gives up on converging once it has sent more than a multiple of the VM’s memory (three times by default), and forces the stop-and-copy.',
  convergence: 'Pre-copy converges when each iteration leaves fewer pages dirty than the one before, until few enough are left for a short stop-and-copy.',
  'zero page': 'A page of all zeros: sent as a short marker instead of its contents.',
  compression: 'Pages compressed before sending take fewer bytes on the wire, at the cost of the compressor’s own throughput.',
  bounds: 'Akoush et al.’s Eq. 3 and 4: the shortest and the longest migration time and downtime Xen’s pre-copy can take with this VM, link and overheads, whatever the guest writes.',
  'closed form': 'An estimate by formula instead of a simulation: each iteration sends what the guest dirtied while the one before was sent, so the amounts form a geometric series, ended by Xen’s stop conditions.',
  'RAM / bandwidth': 'The simplest estimate of the migration time, as CloudSim-style simulators make it: the VM’s memory divided by the link’s rate, with no overheads and no page sent twice.',
} as const;

/**
 * The migration policies, keyed by the names the legends give them (policyNames.ts POLICY_NAME;
 * post-copy is the entry above). A legend attaches them by its series' policy (charts/CurvesChart.tsx):
 * running text does not look them up, as the policy picker writes each description beside its name.
 */
export const POLICY_ENTRIES = {
  'Xen 3.x (Akoush)': 'Xen 3.x pre-copy as Akoush et al. measured it: before each batch it peeks at the dirty bitmap and skips pages written again; it stops after 29 iterations, after sending 3 times the VM, or under 50 dirty pages.',
  'Xen migration v2': 'Xen’s newer pre-copy: each iteration sends every page dirtied during the one before, with no peeking or skipping; the stop-and-copy comes under 50 dirty pages or after 5 live iterations.',
  'QEMU/KVM': 'QEMU’s pre-copy: passes over the dirty bitmap, checked every 100 ms, until the dirty data could be sent within the downtime limit; auto-converge may throttle a guest that keeps it from getting there.',
  Hybrid: 'One live pre-copy iteration copies memory while the guest runs; then the guest switches over to the destination and post-copy brings the pages it dirtied meanwhile.',
} as const;

export type GlossaryTerm = keyof typeof GLOSSARY | keyof typeof POLICY_ENTRIES;

export const GLOSSARY_TERMS = [...Object.keys(GLOSSARY), ...Object.keys(POLICY_ENTRIES)] as GlossaryTerm[];

/** The definition a <Term> shows. */
export function glossaryText(term: GlossaryTerm): string {
  return term in GLOSSARY ? GLOSSARY[term as keyof typeof GLOSSARY] : POLICY_ENTRIES[term as keyof typeof POLICY_ENTRIES];
}

/** Each policy's entry, as a legend names the policy's curve. */
export const POLICY_TERM: Readonly<Record<PolicyName, GlossaryTerm>> = {
  xen: 'Xen 3.x (Akoush)',
  'xen-v2': 'Xen migration v2',
  qemu: 'QEMU/KVM',
  postcopy: 'post-copy',
  hybrid: 'Hybrid',
};

/** Other forms of a term as the UI writes them, each mapped to its entry. */
export const TERM_FORMS: Readonly<Record<string, GlossaryTerm>> = {
  dirty: 'dirty page',
  'dirtied': 'dirty page',
  'dirty pages': 'dirty page',
  cleared: 'clean',
  passes: 'pass',
  iterations: 'iteration',
  'live iterations': 'live iteration',
  batches: 'batch',
  pushed: 'push',
  faulted: 'remote fault',
  'remote faults': 'remote fault',
  fault: 'remote fault',
  faults: 'remote fault',
  'fetched on demand': 'remote fault',
  throttled: 'throttle',
  'switch over': 'switch-over',
  'switches over': 'switch-over',
  'S&C': 'stop-and-copy',
  'zero pages': 'zero page',
  'max bandwidth': 'max-bandwidth',
  'dirty-sync-count': 'syncs',
  skipped: 'skip',
  peeks: 'peek',
  'hot/cold': 'hot set',
};

const BY_LOWER = new Map(GLOSSARY_TERMS.map((t) => [t.toLowerCase(), t]));

/** The entry a word of the UI refers to, or null when it has none (any case: "Stop-and-copy" starts a legend entry). */
export function glossaryEntry(word: string): GlossaryTerm | null {
  if (word in GLOSSARY || word in POLICY_ENTRIES) return word as GlossaryTerm;
  return TERM_FORMS[word] ?? BY_LOWER.get(word.toLowerCase()) ?? TERM_FORMS[word.toLowerCase()] ?? null;
}
