// A run's running totals: per-backend counts, shares and latency, per-second timeline and backend-set changes, in bounded memory.
import type {
  BackendChange,
  BackendStats,
  TimelinePoint,
  TrafficUpdate,
} from '@/lib/schemas/traffic';
import { LatencyHistogram } from '@/lib/traffic/latency-histogram';

/** Seconds of timeline sent in each update (older seconds stay aggregated in the totals). */
export const TIMELINE_WINDOW_SECONDS = 120;
/** The "current share" looks at this many recent seconds. */
export const SHARE_WINDOW_SECONDS = 5;
const MAX_BACKENDS = 256;
const MAX_CHANGES = 200;
/** Answers that named no backend (not whoami, or an odd body) are counted under this id. */
export const UNIDENTIFIED_BACKEND = 'unidentified';
const OVERFLOW_BACKEND = 'other';

export type Outcome =
  | { kind: 'response'; atMs: number; status: number; backend: string | null; latencyMs: number }
  | { kind: 'failure'; atMs: number; error: string; latencyMs: number };

interface Second {
  counts: Map<string, number>;
  errors: Map<string, number>;
}

interface Backend {
  count: number;
  lastSeenMs: number;
  latency: LatencyHistogram;
}

export type BackendJoin = (id: string) => Pick<BackendStats, 'task' | 'instance'> | undefined;

export class RunAggregate {
  private sent = 0;
  private ok = 0;
  private errors = 0;
  private skipped = 0;
  private readonly errorsByKind = new Map<string, number>();
  private readonly backends = new Map<string, Backend>();
  private readonly seconds = new Map<number, Second>();
  private readonly changes: BackendChange[] = [];
  private activeSet: Set<string> | null = null;

  constructor(private readonly ratePerSecond: number) {}

  recordSent(): void {
    this.sent += 1;
  }

  recordSkipped(): void {
    this.skipped += 1;
  }

  record(outcome: Outcome): void {
    const second = this.second(Math.floor(outcome.atMs / 1000));
    if (outcome.kind === 'failure') {
      this.countError(second, outcome.error);
      return;
    }
    if (outcome.status >= 400) this.countError(second, `HTTP ${outcome.status}`);
    else this.ok += 1;
    if (outcome.backend === null && outcome.status >= 400) return;
    const id = this.backendKey(outcome.backend ?? UNIDENTIFIED_BACKEND);
    const backend = this.backends.get(id) ?? {
      count: 0,
      lastSeenMs: 0,
      latency: new LatencyHistogram(),
    };
    backend.count += 1;
    backend.lastSeenMs = Math.max(backend.lastSeenMs, outcome.atMs);
    backend.latency.record(outcome.latencyMs);
    this.backends.set(id, backend);
    second.counts.set(id, (second.counts.get(id) ?? 0) + 1);
  }

  /** The update the browser gets; call it at most a few times a second. */
  update(
    base: Pick<TrafficUpdate, 'runId' | 'params' | 'entrypoint'>,
    elapsedMs: number,
    inFlight: number,
    join: BackendJoin,
  ): TrafficUpdate {
    const now = Math.floor(elapsedMs / 1000);
    const active = this.activeBackends(elapsedMs);
    this.noteChanges(active, elapsedMs, now);

    const recent = new Map<string, number>();
    for (let t = Math.max(0, now - SHARE_WINDOW_SECONDS + 1); t <= now; t++) {
      for (const [id, n] of this.seconds.get(t)?.counts ?? []) {
        recent.set(id, (recent.get(id) ?? 0) + n);
      }
    }
    const recentAnswers = [...recent.values()].reduce((a, b) => a + b, 0);
    const answered = [...this.backends.values()].reduce((sum, b) => sum + b.count, 0);

    const backends: BackendStats[] = [...this.backends].map(([id, b]) => ({
      id,
      count: b.count,
      totalShare: answered ? b.count / answered : 0,
      share: recentAnswers ? (recent.get(id) ?? 0) / recentAnswers : 0,
      active: active.has(id),
      p50Ms: b.latency.percentile(0.5),
      p95Ms: b.latency.percentile(0.95),
      p99Ms: b.latency.percentile(0.99),
      task: join(id)?.task ?? null,
      instance: join(id)?.instance ?? null,
    }));
    backends.sort((a, b) => Number(b.active) - Number(a.active) || a.id.localeCompare(b.id));

    const timeline: TimelinePoint[] = [];
    for (let t = Math.max(0, now - TIMELINE_WINDOW_SECONDS + 1); t <= now; t++) {
      const second = this.seconds.get(t);
      timeline.push({
        t,
        counts: Object.fromEntries(second?.counts ?? []),
        errors: Object.fromEntries(second?.errors ?? []),
      });
    }
    return {
      ...base,
      elapsedMs,
      totals: {
        sent: this.sent,
        ok: this.ok,
        errors: this.errors,
        skipped: this.skipped,
        inFlight,
        achievedRate: this.achievedRate(now, elapsedMs),
        errorsByKind: Object.fromEntries(this.errorsByKind),
      },
      backends,
      timeline,
      changes: [...this.changes],
    };
  }

  // Responses a second over the last complete seconds (the current one only until one has completed).
  private achievedRate(now: number, elapsedMs: number): number {
    const responses = (t: number) => {
      const second = this.seconds.get(t);
      if (!second) return 0;
      let n = 0;
      for (const v of second.counts.values()) n += v;
      for (const v of second.errors.values()) n += v;
      return n;
    };
    const complete = Math.min(SHARE_WINDOW_SECONDS, now);
    if (complete === 0) return elapsedMs > 0 ? (responses(0) * 1000) / elapsedMs : 0;
    let sum = 0;
    for (let t = now - complete; t < now; t++) sum += responses(t);
    return sum / complete;
  }

  private second(t: number): Second {
    let second = this.seconds.get(t);
    if (!second) {
      second = { counts: new Map(), errors: new Map() };
      this.seconds.set(t, second);
      // Only the window is ever read back; older seconds live on in the totals.
      this.seconds.delete(t - TIMELINE_WINDOW_SECONDS - SHARE_WINDOW_SECONDS);
    }
    return second;
  }

  private countError(second: Second, kind: string): void {
    this.errors += 1;
    this.errorsByKind.set(kind, (this.errorsByKind.get(kind) ?? 0) + 1);
    second.errors.set(kind, (second.errors.get(kind) ?? 0) + 1);
  }

  private backendKey(id: string): string {
    return this.backends.has(id) || this.backends.size < MAX_BACKENDS ? id : OVERFLOW_BACKEND;
  }

  // Round robin visits each of n backends every n / rate seconds: allow three rounds of silence, at least 3 s.
  private activeWindowMs(): number {
    const n = Math.max(1, this.activeSet?.size ?? this.backends.size);
    return Math.max(3_000, (3_000 * n) / this.ratePerSecond);
  }

  private activeBackends(elapsedMs: number): Set<string> {
    const window = this.activeWindowMs();
    return new Set(
      [...this.backends]
        .filter(([id, b]) => id !== UNIDENTIFIED_BACKEND && elapsedMs - b.lastSeenMs <= window)
        .map(([id]) => id),
    );
  }

  // Two round-robin rounds over the backends seen so far establish the set; later differences are markers.
  private noteChanges(active: Set<string>, elapsedMs: number, now: number): void {
    if (this.activeSet === null) {
      const rounds = Math.max(500, (2_000 * active.size) / this.ratePerSecond);
      if (active.size > 0 && elapsedMs >= rounds) this.activeSet = active;
      return;
    }
    const added = [...active].filter((id) => !this.activeSet!.has(id)).sort();
    const removed = [...this.activeSet].filter((id) => !active.has(id)).sort();
    if (added.length === 0 && removed.length === 0) return;
    this.activeSet = active;
    this.changes.push({ t: now, added, removed });
    if (this.changes.length > MAX_CHANGES) this.changes.shift();
  }
}
