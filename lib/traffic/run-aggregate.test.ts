import { describe, expect, it } from 'vitest';
import { RunAggregate, UNIDENTIFIED_BACKEND } from './run-aggregate';

const base = {
  runId: 'r1',
  params: {
    target: { kind: 'host' as const, host: 'a.b' },
    rate: 40,
    durationSeconds: 60,
    concurrency: 8,
  },
  entrypoint: { host: '127.0.0.11', port: 80 },
};
const noJoin = () => undefined;

/** Round robin over `ids` at `rate` req/s from `fromMs` to `toMs`. */
function roundRobin(agg: RunAggregate, ids: string[], rate: number, fromMs: number, toMs: number) {
  let i = 0;
  for (let t = fromMs; t < toMs; t += 1000 / rate) {
    agg.recordSent();
    agg.record({
      kind: 'response',
      atMs: t,
      status: 200,
      backend: ids[i++ % ids.length]!,
      latencyMs: 2 + (i % 5),
    });
  }
}

describe('RunAggregate', () => {
  it('splits counts and shares per backend with latency percentiles', () => {
    const agg = new RunAggregate(40);
    roundRobin(agg, ['a', 'b', 'c', 'd'], 40, 0, 10_000);
    const u = agg.update(base, 10_000, 0, noJoin);
    expect(u.totals).toMatchObject({ sent: 400, ok: 400, errors: 0, skipped: 0 });
    expect(u.backends.map((b) => b.id)).toEqual(['a', 'b', 'c', 'd']);
    for (const b of u.backends) {
      expect(b.count).toBe(100);
      expect(b.totalShare).toBe(0.25);
      expect(b.share).toBeCloseTo(0.25, 2);
      expect(b.active).toBe(true);
      expect(b.p50Ms).toBeGreaterThan(1.5);
      expect(b.p99Ms).toBeLessThan(7);
    }
    expect(u.totals.achievedRate).toBeCloseTo(40, 0);
    expect(u.timeline).toHaveLength(11);
    expect(u.timeline[3]!.counts).toEqual({ a: 10, b: 10, c: 10, d: 10 });
    expect(u.changes).toEqual([]);
  });

  it('drops a silent backend to a 0 share and marks the set changes', () => {
    const agg = new RunAggregate(40);
    roundRobin(agg, ['a', 'b', 'c', 'd'], 40, 0, 5_000);
    agg.update(base, 5_000, 0, noJoin);
    roundRobin(agg, ['a', 'b', 'c'], 40, 5_000, 12_000);
    const stopped = agg.update(base, 12_000, 0, noJoin);
    const d = stopped.backends.find((b) => b.id === 'd')!;
    expect(d).toMatchObject({ share: 0, active: false, count: 50 });
    expect(stopped.backends.at(-1)!.id).toBe('d');
    expect(stopped.changes).toEqual([{ t: 12, added: [], removed: ['d'] }]);
    roundRobin(agg, ['a', 'b', 'c', 'e', 'f'], 40, 12_000, 14_000);
    const scaled = agg.update(base, 14_000, 0, noJoin);
    expect(scaled.changes.at(-1)).toEqual({ t: 14, added: ['e', 'f'], removed: [] });
  });

  it('marks backends that join soon after the start, once the first rounds have been seen', () => {
    const agg = new RunAggregate(60);
    roundRobin(agg, ['a', 'b', 'c', 'd'], 60, 0, 600);
    expect(agg.update(base, 600, 0, noJoin).changes).toEqual([]);
    roundRobin(agg, ['a', 'b', 'c', 'd', 'e', 'f'], 60, 600, 1_600);
    expect(agg.update(base, 1_600, 0, noJoin).changes).toEqual([
      { t: 1, added: ['e', 'f'], removed: [] },
    ]);
  });

  it('counts status codes and connection errors by kind and second', () => {
    const agg = new RunAggregate(10);
    agg.record({ kind: 'response', atMs: 100, status: 502, backend: null, latencyMs: 1 });
    agg.record({ kind: 'response', atMs: 1_100, status: 502, backend: null, latencyMs: 1 });
    agg.record({ kind: 'failure', atMs: 1_200, error: 'ECONNREFUSED', latencyMs: 1 });
    agg.record({ kind: 'response', atMs: 1_300, status: 200, backend: null, latencyMs: 1 });
    agg.recordSkipped();
    const u = agg.update(base, 1_500, 3, noJoin);
    expect(u.totals).toMatchObject({
      ok: 1,
      errors: 3,
      skipped: 1,
      inFlight: 3,
      errorsByKind: { 'HTTP 502': 2, ECONNREFUSED: 1 },
    });
    expect(u.timeline[1]!.errors).toEqual({ 'HTTP 502': 1, ECONNREFUSED: 1 });
    expect(u.backends.map((b) => b.id)).toEqual([UNIDENTIFIED_BACKEND]);
  });

  it('joins backends to tasks and keeps the timeline to a bounded window', () => {
    const agg = new RunAggregate(1);
    for (let t = 0; t < 600_000; t += 1000) {
      agg.record({ kind: 'response', atMs: t, status: 200, backend: 'a', latencyMs: 1 });
    }
    const u = agg.update(base, 600_000, 0, (id) => ({
      task: { arn: `arn/${id}`, id, service: 'Whoami', lastStatus: 'RUNNING' },
      instance: null,
    }));
    expect(u.timeline.length).toBe(120);
    expect(u.timeline.at(-1)!.t).toBe(600);
    expect(u.backends[0]!.task?.arn).toBe('arn/a');
    expect(u.backends[0]!.count).toBe(600);
  });
});
