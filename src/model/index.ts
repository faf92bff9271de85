// The simulator's public surface, shared by the worker, the tests and the command line.
export * from './units.ts';
export * from './scenario.ts';
export * from './schema.ts';
export * from './result.ts';
export * from './bounds.ts';
export { simulate, simulateExact } from './simulate.ts';
export * from './transfer.ts';
export * from './sweep.ts';
export { ExactLimitError, EXACT_LIMITS } from './exact/bitmap.ts';
export { XEN_V2_MAX_ROUNDS } from './policies/xen-v2.ts';
export { AUTO_CONVERGE, QEMU_MAX_PASSES } from './policies/qemu.ts';
export { DEVICE_STATE_BYTES } from './policies/postcopy.ts';
export * from './trace/parse.ts';
export * from './trace/profile.ts';
export * from './trace/start-sweep.ts';
export * from './replay/index.ts';
