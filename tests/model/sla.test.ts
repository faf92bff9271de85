// The SLA lens on hand-worked numbers (a year is 365.25 days = 31,557,600 s).
import { describe, expect, it } from 'vitest';
import { availabilityBudget, availabilityError, responseSlaError, responseVerdict, type ResponseSla } from '../../src/model/sla.ts';
import { expectClose } from './helpers.ts';

describe('availability budget', () => {
  it('99.99 %: 3155.76 s a year; a 3 s downtime uses 0.0951 % and fits 1051 times', () => {
    const b = availabilityBudget(0.9999, 3);
    expectClose(b.budgetS, 3155.76, 1e-9);
    expectClose(b.shareUsed, 3 / 3155.76, 1e-9);
    expect(b.migrationsPerYear).toBe(1051);
  });
  it('99.999 %: 315.576 s; 400 ms fits 788 times; 99.9 %: 31,557.6 s', () => {
    expect(availabilityBudget(0.99999, 0.4).migrationsPerYear).toBe(788);
    expectClose(availabilityBudget(0.999, 1).budgetS, 31_557.6, 1e-9);
  });
  it('a downtime that exactly divides the budget counts the last one; over budget gives 0', () => {
    expect(availabilityBudget(0.99999, 315.576 / 4).migrationsPerYear).toBe(4);
    // 99.9 % typed as a percent: 99.9 / 100 rounds so that 1 - A falls a hair under 0.001.
    expect(availabilityBudget(99.9 / 100, 0.4).migrationsPerYear).toBe(78_894);
    const over = availabilityBudget(0.99999, 400);
    expect(over.migrationsPerYear).toBe(0);
    expect(over.shareUsed).toBeGreaterThan(1);
  });
  it('zero downtime fits without limit', () => {
    expect(availabilityBudget(0.999, 0).migrationsPerYear).toBe(Infinity);
  });
  it('rejects targets outside (0, 100) %', () => {
    expect(availabilityError(99.95)).toBeNull();
    for (const bad of [0, 100, 120, -1, Number.NaN]) expect(availabilityError(bad)).toMatch(/availability/i);
  });
});

// Olio-like: 100 requests/s, 1 s maximum, 100 ms normal response, 99th percentile over 5 minutes.
const OLIO: ResponseSla = { requestRate: 100, maxResponseS: 1, normalResponseS: 0.1, percentile: 0.99, windowS: 300 };

describe('response-time SLA', () => {
  it('3 s downtime: 300 held, 210 slow (arrivals in the first 2.1 s), 300 allowed: holds', () => {
    const v = responseVerdict(OLIO, 3);
    expect(v.windowRequests).toBe(30_000);
    expect(v.heldRequests).toBe(300);
    expect(v.slowRequests).toBe(210);
    expect(v.allowedSlow).toBe(300);
    expect(v.breaks).toBe(false);
    expectClose(v.maxDowntimeS, 3.9, 1e-12);
  });
  it('breaks just past the longest tolerable downtime (3.9 s), holds at it', () => {
    expect(responseVerdict(OLIO, 3.9).breaks).toBe(false);
    const v = responseVerdict(OLIO, 3.91);
    expect(v.slowRequests).toBe(301);
    expect(v.breaks).toBe(true);
  });
  it('the stricter 99.9th percentile allows 30 slow requests, so 3 s breaks it', () => {
    const v = responseVerdict({ ...OLIO, percentile: 0.999 }, 3);
    expect(v.allowedSlow).toBe(30);
    expect(v.breaks).toBe(true);
    expectClose(v.maxDowntimeS, 1.2, 1e-12);
  });
  it('a downtime shorter than the slack slows nobody', () => {
    expect(responseVerdict(OLIO, 0.9).slowRequests).toBe(0);
  });
  it('a slow trickle: 0.5 requests/s, 90th percentile: 150 per window, 15 may be slow', () => {
    const v = responseVerdict({ ...OLIO, requestRate: 0.5, percentile: 0.9 }, 3);
    expect(v.windowRequests).toBe(150);
    expect(v.allowedSlow).toBe(15);
    expect(v.slowRequests).toBe(2); // arrivals at 0 and 2 s wait 3.1 s and 1.1 s
    expect(v.breaks).toBe(false);
  });
  it('a downtime longer than the window slows the whole window', () => {
    const v = responseVerdict({ ...OLIO, windowS: 2 }, 10);
    expect(v.slowRequests).toBe(200);
    expect(v.breaks).toBe(true);
  });
  it('a normal response over the maximum breaks it whatever the downtime', () => {
    const v = responseVerdict({ ...OLIO, normalResponseS: 1.5 }, 0);
    expect(v.breaks).toBe(true);
    expect(v.maxDowntimeS).toBe(0);
  });
  it('rejects bad inputs with a message', () => {
    expect(responseSlaError(OLIO)).toBeNull();
    expect(responseSlaError({ ...OLIO, requestRate: 0 })).toMatch(/request rate/);
    expect(responseSlaError({ ...OLIO, percentile: 1 })).toMatch(/percentile/);
    expect(responseSlaError({ ...OLIO, windowS: Number.NaN })).toMatch(/window/);
    expect(responseSlaError({ ...OLIO, requestRate: 0.001, windowS: 1 })).toMatch(/at least one request/);
  });
});
