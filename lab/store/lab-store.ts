// The lab's state in memory: typed reads, all-or-nothing mutations, change listeners and debounced snapshots.
import { randomBytes } from 'node:crypto';
import type { LabIdentity } from './identity';
import { nowEpoch } from './ids';
import type { ClusterRecord, LabState, TaskRecord } from './model';
import { seedState, type SeedOptions } from './seed';
import { readSnapshot, writeSnapshot } from './snapshot';

export interface LabStoreOptions {
  identity: LabIdentity;
  dataDir: string;
  seed: SeedOptions;
  /** Start from a fresh seed, ignoring any snapshot on disk. */
  reset?: boolean;
  saveDelayMs?: number;
}

export type ChangeListener = (state: Readonly<LabState>) => void;

const TASK_CREDENTIALS_TTL_S = 6 * 3600;

export class LabStore {
  readonly identity: LabIdentity;
  private current: LabState;
  private readonly listeners = new Set<ChangeListener>();
  private saveTimer: NodeJS.Timeout | undefined;
  private dirty = false;
  // Committed states are never changed in place (mutate() works on a copy), so their arrays stay valid.
  private readonly taskLists = new WeakMap<object, readonly TaskRecord[]>();

  constructor(private readonly options: LabStoreOptions) {
    this.identity = options.identity;
    const loaded = options.reset ? undefined : readSnapshot(options.dataDir);
    this.current = loaded ?? seedState(options.identity, options.seed);
    if (!loaded) this.save();
  }

  /** Where new external instances get their loopback addresses. */
  get addressPrefix(): string {
    return this.options.seed.addressPrefix;
  }

  get state(): Readonly<LabState> {
    return this.current;
  }

  /**
   * Runs `change` on a copy of the state and commits the copy only if it returns normally,
   * so a handler that throws half-way leaves the state exactly as it was.
   */
  mutate<T>(change: (draft: LabState) => T): T {
    const draft = structuredClone(this.current);
    const result = change(draft);
    this.current = draft;
    this.changed();
    return result;
  }

  /**
   * A cluster's tasks as an array, built once per committed state: Object.values over thousands of
   * task ids costs about a millisecond, and List calls ask for it on every page. A draft gets a fresh array.
   */
  tasksOf(cluster: Readonly<ClusterRecord>): readonly TaskRecord[] {
    if (this.current.clusters[cluster.clusterName] !== cluster) return Object.values(cluster.tasks);
    let list = this.taskLists.get(cluster.tasks);
    if (!list) {
      list = Object.values(cluster.tasks);
      this.taskLists.set(cluster.tasks, list);
    }
    return list;
  }

  /** Replaces the whole state with a fresh seed (the admin reset). */
  reset(): void {
    this.current = seedState(this.identity, this.options.seed);
    this.changed();
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Gives a task container credentials (ECS's task-role endpoint); returns the authorization token. */
  issueTaskCredentials(clusterName: string, taskId: string): TaskRecord['credentials'] {
    return this.mutate((draft) => {
      const task = draft.clusters[clusterName]?.tasks[taskId];
      if (!task) throw new Error(`no task ${taskId} in ${clusterName}`);
      task.credentials = {
        authorization: randomBytes(24).toString('hex'),
        sessionToken: `lab-session-${randomBytes(32).toString('base64url')}`,
        expiresAt: nowEpoch() + TASK_CREDENTIALS_TTL_S,
      };
      return task.credentials;
    });
  }

  findTaskCredentials(taskId: string): TaskRecord['credentials'] {
    for (const cluster of Object.values(this.current.clusters)) {
      const credentials = cluster.tasks[taskId]?.credentials;
      if (credentials) return credentials;
    }
    return undefined;
  }

  isKnownSessionToken(token: string): boolean {
    const now = nowEpoch();
    return Object.values(this.current.clusters).some((cluster) =>
      Object.values(cluster.tasks).some(
        (task) => task.credentials?.sessionToken === token && task.credentials.expiresAt > now,
      ),
    );
  }

  /** Writes the snapshot now if anything changed since the last write. */
  flush(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.dirty) this.save();
  }

  private changed(): void {
    this.dirty = true;
    this.saveTimer ??= setTimeout(() => this.flush(), this.options.saveDelayMs ?? 50);
    for (const listener of this.listeners) listener(this.current);
  }

  private save(): void {
    this.dirty = false;
    writeSnapshot(this.options.dataDir, this.current);
  }
}
