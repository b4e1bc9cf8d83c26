// How an agent moves a task record along ECS's lifecycle: each function edits a draft task for one step.
import type { ContainerExit } from '../runtime/container';
import type { StopCode, TaskRecord, TaskStatus } from '../store/model';

export const ESSENTIAL_EXIT_REASON = 'Essential container in task exited';
/** ECS has no stop code for "the agent's host rebooted"; the closest is an essential container exiting. */
export const LAB_RESTART_REASON = "Lab restarted: the task's processes ended with the lab";

function touch(task: TaskRecord, lastStatus: TaskStatus): void {
  task.lastStatus = lastStatus;
  task.version += 1;
}

export function markPending(task: TaskRecord, now: number): void {
  touch(task, 'PENDING');
  task.connectivity = 'CONNECTED';
  task.connectivityAt = now;
}

export function markPullStarted(task: TaskRecord, now: number): void {
  task.pullStartedAt ??= now;
}

export interface StartedContainer {
  name: string;
  runtimeId: string;
  /** The host ports really bound, in the order of the container's network bindings. */
  hostPorts: number[];
}

export function markActivating(task: TaskRecord, started: StartedContainer[], now: number): void {
  touch(task, 'ACTIVATING');
  task.pullStartedAt ??= now;
  task.pullStoppedAt = now;
  for (const container of task.containers) {
    const launched = started.find((s) => s.name === container.name);
    if (!launched) continue;
    container.lastStatus = 'RUNNING';
    container.runtimeId = launched.runtimeId;
    container.networkBindings.forEach((binding, index) => {
      binding.hostPort = launched.hostPorts[index] ?? binding.hostPort;
    });
  }
}

export function markRunning(task: TaskRecord, now: number): void {
  touch(task, 'RUNNING');
  task.startedAt = now;
}

/** The task wants to stop (as requestTaskStop would), keeping a stop code already given. */
export function requestStop(task: TaskRecord, stopCode: StopCode, reason: string, now: number) {
  if (task.desiredStatus === 'STOPPED') return;
  task.desiredStatus = 'STOPPED';
  task.stopCode = stopCode;
  task.stoppedReason = reason;
  task.stoppingAt = now;
  task.version += 1;
}

export function recordExits(task: TaskRecord, exits: Map<string, ContainerExit>): void {
  for (const container of task.containers) {
    const exit = exits.get(container.name);
    if (!exit) continue;
    container.lastStatus = 'STOPPED';
    if (exit.exitCode !== null) container.exitCode = exit.exitCode;
  }
}

/** An essential container ended by itself: the whole task stops, as the ECS agent stops it. */
export function markEssentialExited(
  task: TaskRecord,
  exits: Map<string, ContainerExit>,
  now: number,
): void {
  requestStop(task, 'EssentialContainerExited', ESSENTIAL_EXIT_REASON, now);
  recordExits(task, exits);
  touch(task, 'DEACTIVATING');
}

export function markDeactivating(task: TaskRecord): void {
  touch(task, 'DEACTIVATING');
}

export function markStopping(task: TaskRecord): void {
  touch(task, 'STOPPING');
}

export function markDeprovisioning(
  task: TaskRecord,
  exits: Map<string, ContainerExit>,
  now: number,
): void {
  recordExits(task, exits);
  for (const container of task.containers) container.lastStatus = 'STOPPED';
  task.executionStoppedAt = now;
  touch(task, 'DEPROVISIONING');
}

export function markStopped(task: TaskRecord, now: number): void {
  task.stoppingAt ??= now;
  task.executionStoppedAt ??= now;
  task.stoppedAt = now;
  for (const container of task.containers) container.lastStatus = 'STOPPED';
  touch(task, 'STOPPED');
}

/** A task that could not start at all (image unknown, spawn failure): straight to STOPPED. */
export function markFailedToStart(task: TaskRecord, reason: string, now: number): void {
  requestStop(task, 'TaskFailedToStart', reason, now);
  for (const container of task.containers) container.reason = reason;
  markStopped(task, now);
}

/** A task whose processes are gone without the agent seeing them end (the lab restarted). */
export function markLost(task: TaskRecord, now: number): void {
  requestStop(task, 'EssentialContainerExited', LAB_RESTART_REASON, now);
  for (const container of task.containers) {
    if (container.lastStatus !== 'STOPPED') container.reason = LAB_RESTART_REASON;
  }
  markStopped(task, now);
}
