// The teaching mode's model: a run's event log and its page-exact memory map (docs/REPLAY.md).
export {
  REPLAY_MAX_EVENTS,
  REPLAY_MAX_PAGES,
  ReplayLimitError,
  recordRun,
  runEvents,
  stepIndices,
  type ActivateEvent,
  type BatchEvent,
  type CleanEvent,
  type CommitEvent,
  type EndEvent,
  type PauseEvent,
  type PeekEvent,
  type PreMigrationEvent,
  type PushEvent,
  type ReplayEvent,
  type ReplayEventKind,
  type RunEventsOptions,
  type StepGranularity,
  type StopDecisionEvent,
  type StopLimits,
  type ThrottleEvent,
} from './events.ts';
export { PAGE_STATE_COUNT, PAGE_STATE_NAMES, PAGE_STATE_TEXT, PageState, type PageStateCode } from './states.ts';
export { ReplayMismatchError, type DirtySplit } from './engine.ts';
export { DEFAULT_CHECKPOINT_BYTES, createReplay, type MemoryState, type Replay, type ReplayOptions } from './replay.ts';
export { DEFAULT_PALETTE, aggregate, aggregateRGBA, cellPages, paletteOf, type Palette } from './aggregate.ts';
