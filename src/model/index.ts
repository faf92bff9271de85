// The simulator's public surface, shared by the worker, the tests and the command line.
export * from './units.ts';
export * from './scenario.ts';
export * from './schema.ts';
export * from './result.ts';
export * from './bounds.ts';
export { simulate } from './simulate.ts';
export * from './sweep.ts';
export { simulateExact, ExactLimitError, EXACT_LIMITS } from './exact/walk.ts';
