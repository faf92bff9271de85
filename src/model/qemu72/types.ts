// One measured migration of a real QEMU 7.2 (see README.md in this folder for how they were measured).
export interface Qemu72Run {
  /** Case name; the same case was repeated (`rep`). */
  case: string;
  rep: number;
  vmMiB: number;
  /** Pages the guest writes, sequentially and circularly. */
  wssPages: number;
  maxBandwidthMiBps: number;
  /** The writer's target rate, pages/s. */
  dirtyRate: number;
  /** What it achieved during the migration (null for the link calibration). */
  dirtyRateMeasured: number | null;
  downtimeLimitMs: number;
  autoConverge: boolean;
  /** 'clock-paced' sleeps between writes; 'cpu-bound' spins. */
  writer: string;
  /** A case that could not converge was cancelled after this long. */
  cancelAfterS: number;
  status: string;
  totalTimeMs: number;
  setupTimeMs: number;
  /** QEMU's downtime (null when cancelled). */
  downtimeMs: number | null;
  transferredBytes: number;
  stopCopyBytes: number;
  /** QEMU's ram.dirty-sync-count. */
  syncs: number;
  /** QEMU's last expected downtime estimate. */
  lastExpectedDowntimeMs: number | null;
  /** Auto-converge steps, `seconds:percent` separated by spaces. */
  throttle: string;
}
