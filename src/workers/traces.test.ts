import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traceFromSeries } from '../model/index.ts';
import { installTrace, loadTrace, sparkline, traceById, traceInfo } from './traces.ts';

describe('worker traces', () => {
  it('parses a shipped trace into what the app shows', async () => {
    const loaded = await loadTrace(new Blob([readFileSync('public/traces/nfs-rising.csv')]));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const { info } = loaded;
    expect(info).toMatchObject({ rows: 601, endS: 600 });
    expect(info.starts).toHaveLength(200);
    expect(info.starts[0]).toBe(0);
    expect(info.starts.at(-1)).toBe(600);
    expect(info.comments[0]).toMatch(/^nfs-rising: synthetic/);
    expect(info.peakRate).toBeGreaterThan(30000);
    expect(info.spark.t).toHaveLength(240);
    expect(Math.max(...info.spark.max)).toBe(info.peakRate);
    expect(loaded.times).toBeInstanceOf(Float64Array);
  });

  it('reports a bad row by its line, from text or a Blob', async () => {
    const text = 'time_s,dirty_pages_per_s\n0,1\n1,abc\n';
    expect(await loadTrace(text)).toEqual({ ok: false, line: 3, error: 'line 3: rate "abc" is not a number' });
    expect(await loadTrace(new Blob([text]))).toMatchObject({ ok: false, line: 3 });
  });

  it('summarises a one-row trace and takes bucket means and peaks', () => {
    const one = traceInfo(traceFromSeries([0], [500]));
    expect(one).toMatchObject({ rows: 1, endS: 0, meanRate: 500, peakRate: 500, starts: [0] });
    expect(one.spark).toEqual({ t: [0], mean: [500], max: [500] });
    const spark = sparkline(traceFromSeries([0, 1, 2, 3, 4], [10, 30, 20, 40, 0]), 2);
    expect(spark.t).toEqual([0, 2]);
    expect(spark.mean).toEqual([20, 30]);
    expect(spark.max).toEqual([30, 40]);
  });

  it('keeps traces by id, drops those not kept, and checks what it is given', () => {
    const t = traceFromSeries([0, 5], [100, 200]);
    installTrace('a', t.times, t.rates, []);
    installTrace('b', t.times, t.rates, ['a']);
    expect(traceById('a').endS).toBe(5);
    installTrace('c', t.times, t.rates, ['b']);
    expect(() => traceById('a')).toThrow(/not loaded/);
    expect(traceById('b').endS).toBe(5);
    expect(() => installTrace('d', new Float64Array([0, 0]), new Float64Array([1, 1]), [])).toThrow(/does not increase/);
    expect(() => installTrace('d', [0] as unknown as Float64Array, new Float64Array([1]), [])).toThrow(TypeError);
  });
});
