// The SLA lens: what one migration's downtime costs against an availability target and against a
// response-time SLA (Cloudstone's, as the Olio paper uses it: the p-th percentile of response times in
// any window of W seconds must stay under a maximum). Pure arithmetic, no DOM.

/** Mean days per year (leap years included), for yearly downtime budgets. */
export const DAYS_PER_YEAR = 365.25;
export const SECONDS_PER_YEAR = DAYS_PER_YEAR * 86_400;

export interface AvailabilityBudget {
  /** Allowed downtime per year, s: (1 - A) x 365.25 days. */
  budgetS: number;
  /** Share of that budget one migration's downtime uses (may exceed 1). */
  shareUsed: number;
  /** Whole migrations of this downtime that fit in a year's budget (Infinity for a zero downtime). */
  migrationsPerYear: number;
}

/** Checks an availability target given in percent; returns a message, or null when it is usable. */
export function availabilityError(percent: number): string | null {
  if (!Number.isFinite(percent)) return 'Enter the availability as a number of percent, e.g. 99.95.';
  if (percent <= 0 || percent >= 100) return 'The availability must lie strictly between 0 and 100 %.';
  return null;
}

/**
 * The yearly budget of an availability target (a fraction, 0 < A < 1) and what a downtime of
 * `downtimeS` seconds uses of it.
 */
export function availabilityBudget(availability: number, downtimeS: number): AvailabilityBudget {
  const budgetS = (1 - availability) * SECONDS_PER_YEAR;
  return {
    budgetS,
    shareUsed: downtimeS / budgetS,
    // Relative slack: 1 - 0.999 is not exactly 0.001, and a downtime that divides the budget counts.
    migrationsPerYear: downtimeS > 0 ? Math.floor((budgetS / downtimeS) * (1 + 1e-9)) : Infinity,
  };
}

export interface ResponseSla {
  /** Requests per second, arriving evenly spaced. */
  requestRate: number;
  /** The largest allowed response time at the percentile, s. */
  maxResponseS: number;
  /** Response time of a request the migration does not hold up, s. */
  normalResponseS: number;
  /** The percentile, as a fraction (0.99 for the 99th). */
  percentile: number;
  /** The window the percentile is taken over, s (Cloudstone: 300). */
  windowS: number;
}

export interface ResponseVerdict {
  /** Requests in one window: round(rate x window). */
  windowRequests: number;
  /** Requests that arrive during the downtime (in the worst window). */
  heldRequests: number;
  /** Requests of the worst window whose response exceeds the maximum. */
  slowRequests: number;
  /** How many requests of a window may exceed the maximum before the percentile does. */
  allowedSlow: number;
  /** The downtime alone makes the window's percentile exceed the maximum. */
  breaks: boolean;
  /** The longest downtime the SLA survives, s (at this rate and window). */
  maxDowntimeS: number;
}

/** Checks the response-time inputs; returns the first problem as a message, or null. */
export function responseSlaError(sla: ResponseSla): string | null {
  const { requestRate, maxResponseS, normalResponseS, percentile, windowS } = sla;
  if (!(Number.isFinite(requestRate) && requestRate > 0)) return 'The request rate must be a positive number of requests per second.';
  if (!(Number.isFinite(maxResponseS) && maxResponseS > 0)) return 'The maximum response time must be a positive number of seconds.';
  if (!(Number.isFinite(normalResponseS) && normalResponseS >= 0)) return 'The normal response time must be zero or a positive number of seconds.';
  if (!(Number.isFinite(percentile) && percentile > 0 && percentile < 1)) return 'The percentile must lie strictly between 0 and 100.';
  if (!(Number.isFinite(windowS) && windowS > 0)) return 'The window must be a positive number of seconds.';
  if (Math.round(requestRate * windowS) < 1) return 'The window must hold at least one request at this rate.';
  return null;
}

/**
 * Whether a downtime of `downtimeS` alone breaks a percentile response-time SLA.
 *
 * Assumptions (stated in the UI too): requests arrive evenly, one every 1/rate seconds, the first at the
 * instant the VM pauses (the worst phase); the downtime falls at the start of a window (the worst
 * placement); a request arriving during the downtime is served once the VM resumes, so it takes the rest
 * of the downtime plus its normal response time; every other request takes the normal response time, and
 * no backlog outlives the downtime. The percentile is nearest-rank: of n requests in a window, the
 * ceil(p n)-th smallest response time, which exceeds the maximum exactly when more than n - ceil(p n)
 * requests do.
 *
 * A request arriving t seconds into the downtime is slow when D - t + r0 > Rmax, i.e. t < D - (Rmax - r0):
 * with arrivals at 0, 1/rate, 2/rate, … that is ceil(rate x (D - slack)) of them, at most the window's.
 */
export function responseVerdict(sla: ResponseSla, downtimeS: number): ResponseVerdict {
  const { requestRate, maxResponseS, normalResponseS, percentile, windowS } = sla;
  const n = Math.max(1, Math.round(requestRate * windowS));
  const allowedSlow = n - Math.ceil(percentile * n - 1e-9);
  const arrivalsBefore = (t: number) => (t > 0 ? Math.min(n, Math.ceil(requestRate * t - 1e-9)) : 0);
  const heldRequests = arrivalsBefore(Math.min(downtimeS, windowS));
  const slack = maxResponseS - normalResponseS;
  // A normal response already over the maximum makes every request slow, downtime or not.
  const slowRequests = slack < 0 ? n : arrivalsBefore(Math.min(windowS, downtimeS - slack));
  // The longest downtime with at most `allowedSlow` slow arrivals: the (allowedSlow+1)-th arrives at allowedSlow/rate.
  const maxDowntimeS = slack < 0 ? 0 : allowedSlow >= n ? Infinity : slack + allowedSlow / requestRate;
  return { windowRequests: n, heldRequests, slowRequests, allowedSlow, breaks: slowRequests > allowedSlow, maxDowntimeS };
}
