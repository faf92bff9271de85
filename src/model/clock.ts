// The guest's writes over time. A rate profile says how many writes an unthrottled guest has made by
// time t (a constant rate, or a trace); the clock scales it by the throttle in force, which policies
// change as they go (auto-converge). Writes are counted from the start of iteration 1 and only whole
// ones happen: with one constant rate the guest has made floor(rate * t), as MODEL.md says.

export interface RateProfile {
  /** Writes an unthrottled guest makes from time 0 (iteration 1 starts) to time t. */
  cumulative(t: number): number;
  /** The constant rate, when the profile has one (lets a tracker take many batches at once, see tracker.ts). */
  readonly rate?: number;
}

export function constantRate(rate: number): RateProfile {
  return { rate, cumulative: (t) => rate * t };
}

export class WriteClock {
  private since = 0;
  private before = 0;
  private scale = 1;

  constructor(private readonly profile: RateProfile) {}

  /** Whole writes made by time t (t at or after the last change of scale). */
  writesAt(t: number): number {
    return Math.floor(this.before + this.scale * (this.profile.cumulative(t) - this.profile.cumulative(this.since)));
  }

  /** The writer's rate from now on when it is constant (a constant profile), else null. */
  constantRate(): number | null {
    return this.profile.rate === undefined ? null : this.scale * this.profile.rate;
  }

  /** From time t on, the guest makes `scale` times the profile's writes. */
  setScale(t: number, scale: number): void {
    this.before += this.scale * (this.profile.cumulative(t) - this.profile.cumulative(this.since));
    this.since = t;
    this.scale = scale;
  }
}
