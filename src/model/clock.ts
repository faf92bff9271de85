// The guest's writes over time. The rate is piecewise constant: it changes when a policy throttles the
// guest (auto-converge) and a trace gives its own rate per interval. Writes are counted from the start
// of iteration 1, and by time t the guest has made floor(cumulative writes) of them; with one constant
// rate that is floor(rate * t), as MODEL.md says.
export class WriteClock {
  private since = 0;
  private before = 0;

  constructor(private rate: number) {}

  get currentRate(): number {
    return this.rate;
  }

  /** Whole writes made by time t (t at or after the last rate change). */
  writesAt(t: number): number {
    return Math.floor(this.before + this.rate * (t - this.since));
  }

  /** From time t on, the guest writes `rate` pages per second. */
  setRate(t: number, rate: number): void {
    this.before += this.rate * (t - this.since);
    this.since = t;
    this.rate = rate;
  }
}
