// ECS's service scheduler: converges every service to its desired count, rolls deployments out and logs service events.
import { findTaskDefinition } from '../ecs/resolve';
import { createTasks, placementCandidates } from '../ecs/task-factory';
import { requestTaskStop } from '../ecs/task-lifecycle';
import { isLive, isRunning, serviceGroup } from '../store/derived';
import type { LabIdentity } from '../store/identity';
import { nowEpoch } from '../store/ids';
import type { LabStore } from '../store/lab-store';
import type {
  ClusterRecord,
  ContainerInstanceRecord,
  DeploymentRecord,
  Epoch,
  LabState,
  ServiceRecord,
  TaskRecord,
} from '../store/model';
import { planRollout, type ServiceTask } from './deployments';
import type { PlacementCandidate } from './placement';
import {
  recentlyRecorded,
  recordEvent,
  serviceMessages,
  steadyStateDue,
  FAILURE_REPEAT_S,
} from './service-events';

const DEBOUNCE_MS = 75;
const INTERVAL_MS = 1_000;
const FAILURE_WINDOW_S = 15 * 60;
const MAX_LAUNCH_DELAY_S = 60;
/** ECS warns once tasks keep failing to start. */
const UNSTABLE_AFTER_FAILURES = 3;

interface TaskStop {
  taskId: string;
  reason: string;
}

/** What one pass decided for one service, applied to the state in a single mutation. */
interface ServiceChange {
  clusterName: string;
  serviceName: string;
  newTasks: TaskRecord[];
  stops: TaskStop[];
  edits: ((service: ServiceRecord, now: Epoch) => void)[];
}

/** A pass's working copy: placements of earlier services must be seen by later ones. */
interface Scratch {
  state: LabState;
  clusters: Map<string, ClusterRecord>;
}

function scratchCluster(scratch: Scratch, cluster: ClusterRecord): ClusterRecord {
  let copy = scratch.clusters.get(cluster.clusterName);
  if (!copy) {
    copy = { ...cluster, tasks: { ...cluster.tasks } };
    scratch.clusters.set(cluster.clusterName, copy);
    scratch.state.clusters[cluster.clusterName] = copy;
  }
  return copy;
}

/** What one pass needs to know of a task group. */
interface GroupTasks {
  /** Live tasks that should be running. */
  live: TaskRecord[];
  /** A task told to stop has not stopped yet. */
  stopping: boolean;
  /** Tasks that failed to start within the throttle window, and when the last one did. */
  failedStarts: number;
  lastFailedAt: Epoch;
}

/** One pass over the cluster's tasks. */
function indexTasks(cluster: ClusterRecord, now: Epoch): Map<string, GroupTasks> {
  const groups = new Map<string, GroupTasks>();
  for (const task of Object.values(cluster.tasks)) {
    const failed =
      task.stopCode === 'TaskFailedToStart' && now - (task.stoppedAt ?? 0) < FAILURE_WINDOW_S;
    if (!isLive(task) && !failed) continue;
    let group = groups.get(task.group);
    if (!group) {
      group = { live: [], stopping: false, failedStarts: 0, lastFailedAt: 0 };
      groups.set(task.group, group);
    }
    if (failed) {
      group.failedStarts++;
      group.lastFailedAt = Math.max(group.lastFailedAt, task.stoppedAt ?? 0);
    } else if (task.desiredStatus === 'RUNNING') group.live.push(task);
    else group.stopping = true;
  }
  return groups;
}

/**
 * ECS's service throttle: after tasks fail to start, it waits longer before each new attempt.
 * ECS's delay grows to 27 minutes; the lab stops at a minute so a fixed image is picked up soon.
 */
function launchDelayS(group: GroupTasks): number {
  return group.failedStarts === 0 ? 0 : Math.min(2 ** (group.failedStarts - 1), MAX_LAUNCH_DELAY_S);
}

const scalingReason = (deploymentId: string) =>
  `Scaling activity initiated by (deployment ${deploymentId})`;

function serviceTask(task: TaskRecord): ServiceTask {
  return {
    id: task.id,
    taskArn: task.taskArn,
    containerInstanceArn: task.containerInstanceArn ?? '',
    deploymentId: task.startedBy,
    running: isRunning(task),
    startedAt: task.startedAt,
  };
}

class Pass {
  readonly changes: ServiceChange[] = [];
  private scratch: Scratch | undefined;
  private candidates = new Map<string, PlacementCandidate[]>();

  constructor(
    private readonly state: Readonly<LabState>,
    private readonly identity: LabIdentity,
    private readonly now: Epoch,
  ) {}

  run(): void {
    for (const cluster of Object.values(this.state.clusters)) {
      if (cluster.status !== 'ACTIVE') continue;
      const index = indexTasks(cluster, this.now);
      for (const service of Object.values(cluster.services)) {
        const group = index.get(serviceGroup(service.serviceName)) ?? {
          live: [],
          stopping: false,
          failedStarts: 0,
          lastFailedAt: 0,
        };
        const change: ServiceChange = {
          clusterName: cluster.clusterName,
          serviceName: service.serviceName,
          newTasks: [],
          stops: [],
          edits: [],
        };
        if (service.status === 'DRAINING') this.drain(service, group.live, change);
        else if (service.status === 'ACTIVE') this.converge(cluster, service, group, change);
        if (change.newTasks.length + change.stops.length + change.edits.length > 0) {
          this.changes.push(change);
        }
      }
    }
  }

  private drain(service: ServiceRecord, tasks: TaskRecord[], change: ServiceChange): void {
    const fallback = service.deployments[0]?.id ?? '';
    this.stop(
      service,
      tasks.map((t) => ({ taskId: t.id, reason: scalingReason(t.startedBy ?? fallback) })),
      change,
    );
  }

  private converge(
    cluster: ClusterRecord,
    service: ServiceRecord,
    group: GroupTasks,
    change: ServiceChange,
  ): void {
    const tasks = group.live;
    // ECS calls a service steady once the tasks it stopped are gone too.
    const quiet = !group.stopping;
    const throttled = this.now - group.lastFailedAt < launchDelayS(group);
    const primary = service.deployments.find((d) => d.status === 'PRIMARY');
    if (!primary) return;
    if (service.schedulingStrategy === 'DAEMON') {
      this.daemon(cluster, service, primary, tasks, { quiet, launch: !throttled }, change);
      return;
    }
    const desired = service.desiredCount;
    const rollingOut = tasks.some((t) => t.startedBy !== primary.id);
    const plan = planRollout({
      desiredCount: desired,
      maximumPercent: service.deploymentConfiguration.maximumPercent,
      minimumHealthyPercent: service.deploymentConfiguration.minimumHealthyPercent,
      primaryId: primary.id,
      tasks: tasks.map(serviceTask),
      candidates: tasks.length > desired || rollingOut ? this.candidatesOf(cluster) : undefined,
    });
    const byId = new Map(tasks.map((t) => [t.id, t]));
    this.stop(
      service,
      plan.stop.map((taskId) => ({
        taskId,
        reason: scalingReason(byId.get(taskId)?.startedBy ?? primary.id),
      })),
      change,
    );
    if (plan.place > 0 && group.failedStarts >= UNSTABLE_AFTER_FAILURES) {
      this.unstable(service, change);
    }
    if (plan.place > 0 && !throttled) this.place(cluster, service, primary, plan.place, change);
    this.syncDeploymentCounts(service, primary, desired, tasks, change);
    if (plan.steady && quiet) this.settle(service, primary, change);
  }

  private createTasks(
    cluster: ClusterRecord,
    service: ServiceRecord,
    primary: DeploymentRecord,
    count: number,
    instances?: ContainerInstanceRecord[],
  ): { tasks: TaskRecord[]; failureReason?: string } {
    const definition = findTaskDefinition(this.state, primary.taskDefinition);
    if (!definition) return { tasks: [] };
    this.scratch ??= {
      state: { ...this.state, clusters: { ...this.state.clusters } },
      clusters: new Map(),
    };
    return createTasks(this.scratch.state, this.identity, scratchCluster(this.scratch, cluster), {
      definition,
      count,
      group: serviceGroup(service.serviceName),
      startedBy: primary.id,
      constraints: service.placementConstraints,
      strategy: instances ? [] : service.placementStrategy,
      ...(instances && { instances }),
    });
  }

  private place(
    cluster: ClusterRecord,
    service: ServiceRecord,
    primary: DeploymentRecord,
    count: number,
    change: ServiceChange,
  ): void {
    const { tasks, failureReason } = this.createTasks(cluster, service, primary, count);
    this.started(service, tasks, change);
    if (failureReason) this.unableToPlace(service, failureReason, change);
  }

  private started(service: ServiceRecord, tasks: TaskRecord[], change: ServiceChange): void {
    if (tasks.length === 0) return;
    change.newTasks.push(...tasks);
    const message = serviceMessages.started(
      service.serviceName,
      tasks.map((t) => t.id),
    );
    change.edits.push((draft, now) => recordEvent(draft, message, now));
  }

  private unableToPlace(service: ServiceRecord, reason: string, change: ServiceChange): void {
    this.warn(service, serviceMessages.unableToPlace(service.serviceName, reason), change);
  }

  private unstable(service: ServiceRecord, change: ServiceChange): void {
    this.warn(service, serviceMessages.unableToStart(service.serviceName), change);
  }

  /** A failure message, unless it was just said. */
  private warn(service: ServiceRecord, message: string, change: ServiceChange): void {
    if (recentlyRecorded(service.events, message, this.now, FAILURE_REPEAT_S)) return;
    change.edits.push((draft, now) => recordEvent(draft, message, now));
  }

  /**
   * One task on every connected instance that can take one, its desired count set to match, as ECS
   * does for DAEMON services; a new deployment stops the old tasks first (ECS's daemon defaults).
   */
  private daemon(
    cluster: ClusterRecord,
    service: ServiceRecord,
    primary: DeploymentRecord,
    tasks: TaskRecord[],
    { quiet, launch }: { quiet: boolean; launch: boolean },
    change: ServiceChange,
  ): void {
    const current = tasks.filter((t) => t.startedBy === primary.id);
    const older = tasks.filter((t) => t.startedBy !== primary.id);
    this.stop(
      service,
      older.map((t) => ({ taskId: t.id, reason: scalingReason(t.startedBy ?? primary.id) })),
      change,
    );
    const served = new Set(current.map((t) => t.containerInstanceArn));
    const placed = Object.values(cluster.containerInstances)
      .filter((i) => i.status === 'ACTIVE' && i.agentConnected)
      .filter((i) => launch && !served.has(i.containerInstanceArn))
      .flatMap((instance) => this.createTasks(cluster, service, primary, 1, [instance]).tasks);
    this.started(service, placed, change);
    const desired = current.length + placed.length;
    if (desired !== service.desiredCount) {
      change.edits.push((draft) => {
        draft.desiredCount = desired;
      });
    }
    this.syncDeploymentCounts(service, primary, desired, tasks, change);
    const steady = launch && older.length === 0 && placed.length === 0 && current.every(isRunning);
    if (steady && quiet) {
      this.settle(service, primary, change);
    }
  }

  private stop(service: ServiceRecord, stops: TaskStop[], change: ServiceChange): void {
    if (stops.length === 0) return;
    change.stops.push(...stops);
    const message = serviceMessages.stopped(
      service.serviceName,
      stops.map((s) => s.taskId),
    );
    change.edits.push((draft, now) => recordEvent(draft, message, now));
  }

  /** Deployment desired counts: PRIMARY's is the service's; an older one's shrinks as its tasks stop. */
  private syncDeploymentCounts(
    service: ServiceRecord,
    primary: DeploymentRecord,
    desired: number,
    tasks: TaskRecord[],
    change: ServiceChange,
  ): void {
    const stopped = new Set(change.stops.map((s) => s.taskId));
    const wanted = new Map<string, number>();
    for (const deployment of service.deployments) {
      if (deployment.status === 'PRIMARY') continue;
      const left = tasks.filter((t) => t.startedBy === deployment.id && !stopped.has(t.id));
      wanted.set(deployment.id, Math.min(deployment.desiredCount, left.length));
    }
    const desiredOf = (d: DeploymentRecord) =>
      d.id === primary.id ? desired : (wanted.get(d.id) ?? d.desiredCount);
    if (service.deployments.every((d) => d.desiredCount === desiredOf(d))) return;
    change.edits.push((draft, now) => {
      for (const deployment of draft.deployments) {
        const value = desiredOf(deployment);
        if (deployment.desiredCount === value) continue;
        deployment.desiredCount = value;
        deployment.updatedAt = now;
      }
    });
  }

  /** The PRIMARY deployment runs the desired count alone: the rollout is done and the service steady. */
  private settle(service: ServiceRecord, primary: DeploymentRecord, change: ServiceChange): void {
    const completes = primary.rolloutState !== 'COMPLETED' || service.deployments.length > 1;
    if (completes) {
      change.edits.push((draft, now) => {
        draft.deployments = draft.deployments.filter((d) => d.id === primary.id);
        const current = draft.deployments[0];
        if (current && current.rolloutState !== 'COMPLETED') {
          current.rolloutState = 'COMPLETED';
          current.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
          current.updatedAt = now;
          recordEvent(
            draft,
            serviceMessages.deploymentCompleted(draft.serviceName, primary.id),
            now,
          );
        }
      });
    }
    if (completes || steadyStateDue(service, this.now)) {
      change.edits.push((draft, now) =>
        recordEvent(draft, serviceMessages.steadyState(draft.serviceName), now),
      );
    }
  }

  private candidatesOf(cluster: ClusterRecord): PlacementCandidate[] {
    let list = this.candidates.get(cluster.clusterName);
    if (!list) {
      list = placementCandidates(cluster, Object.values(cluster.containerInstances));
      this.candidates.set(cluster.clusterName, list);
    }
    return list;
  }
}

function apply(draft: LabState, changes: readonly ServiceChange[], now: Epoch): void {
  for (const change of changes) {
    const cluster = draft.clusters[change.clusterName];
    const service = cluster?.services[change.serviceName];
    if (!cluster || !service) continue;
    for (const task of change.newTasks) cluster.tasks[task.id] = task;
    for (const { taskId, reason } of change.stops) {
      const task = cluster.tasks[taskId];
      if (task) requestTaskStop(task, 'ServiceSchedulerInitiated', reason);
    }
    for (const edit of change.edits) edit(service, now);
  }
}

/** One reconciliation pass over every service; at most one state mutation, none when all is converged. */
export function reconcileServices(store: LabStore, identity: LabIdentity = store.identity): number {
  const now = nowEpoch();
  const pass = new Pass(store.state, identity, now);
  pass.run();
  if (pass.changes.length > 0) store.mutate((draft) => apply(draft, pass.changes, now));
  return pass.changes.length;
}

/** Runs a pass shortly after any state change and at least every second; returns a stop function. */
export function startServiceScheduler(store: LabStore, identity?: LabIdentity): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = () => {
    timer = undefined;
    if (stopped) return;
    try {
      reconcileServices(store, identity);
    } catch (error) {
      console.error('service scheduler:', error);
    }
  };
  // The pass's own mutation wakes it once more; that pass finds nothing to change and stays quiet.
  const wake = () => {
    if (!stopped) timer ??= setTimeout(run, DEBOUNCE_MS);
  };
  const unsubscribe = store.onChange(wake);
  const interval = setInterval(wake, INTERVAL_MS);
  interval.unref();
  wake();
  return () => {
    stopped = true;
    unsubscribe();
    clearInterval(interval);
    clearTimeout(timer);
  };
}
