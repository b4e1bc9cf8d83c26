// Stopping a task: ECS's desired/last status rules, shared by StopTask, DeleteService and forced deregistration.
import { nowEpoch } from '../store/ids';
import type { StopCode, TaskRecord } from '../store/model';

/**
 * Sets the task's desired status to STOPPED. A task no agent has started yet stops at once;
 * a running one is left for its agent to stop (it reports STOPPED when its containers exit).
 */
export function requestTaskStop(task: TaskRecord, stopCode: StopCode, reason: string): void {
  if (task.desiredStatus === 'STOPPED') return;
  const now = nowEpoch();
  task.desiredStatus = 'STOPPED';
  task.stopCode = stopCode;
  task.stoppedReason = reason;
  task.stoppingAt = now;
  task.version += 1;
  if (task.lastStatus === 'PROVISIONING' || task.lastStatus === 'PENDING') {
    task.lastStatus = 'STOPPED';
    task.stoppedAt = now;
    task.executionStoppedAt = now;
    for (const container of task.containers) container.lastStatus = 'STOPPED';
  }
}
