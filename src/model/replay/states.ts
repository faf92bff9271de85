// The state of one page in the memory map, as a byte per page (MemoryState.codes). The codes are small
// consecutive integers so that a palette is a plain array indexed by code. docs/REPLAY.md explains them.

export const PageState = {
  /** At the destination and up to date (not in to_send and not written since the last clean). */
  CLEAN: 0,
  /** In to_send and not yet reached by this iteration's walk. Post-copy: still missing at the destination. */
  TO_SEND: 1,
  /** In to_send, not yet reached, and written again since the last clean: a peeking policy (Xen) will skip it. */
  TO_SEND_DIRTY: 2,
  /** Written since the last clean and not waiting in this iteration's to_send: it goes in the next one. */
  DIRTY: 3,
  /** Reached by this iteration's walk but skipped: it was dirty again at its batch's peek (Xen). */
  SKIPPED: 4,
  /** Sent in the batch (or post-copy push step) of the current event. */
  SENT_THIS_BATCH: 5,
  /** Sent earlier in this iteration (post-copy: pushed earlier) and not written since. */
  SENT: 6,
  /** Sent in the final stop-and-copy, while the guest is paused. */
  SENT_FINAL: 7,
  /** Post-copy: the guest touched it before the push reached it, so it was fetched on demand. */
  FAULTED: 8,
} as const;

export type PageStateCode = (typeof PageState)[keyof typeof PageState];

/** Number of page states; counts arrays and palettes have this length. */
export const PAGE_STATE_COUNT = 9;

/** Names of the states, indexed by code (for legends and test messages). */
export const PAGE_STATE_NAMES: readonly string[] = ['CLEAN', 'TO_SEND', 'TO_SEND_DIRTY', 'DIRTY', 'SKIPPED', 'SENT_THIS_BATCH', 'SENT', 'SENT_FINAL', 'FAULTED'];

/** One line on each state, indexed by code, for a legend. */
export const PAGE_STATE_TEXT: readonly string[] = [
  'clean at the destination',
  'to send in this iteration',
  'to send, but dirtied again (a peek will skip it)',
  'dirtied since the last clean',
  'skipped: dirty again when its batch was prepared',
  'sent in this batch',
  'sent earlier in this iteration',
  'sent in the final copy (guest paused)',
  'post-copy: fetched on demand (remote fault)',
];
