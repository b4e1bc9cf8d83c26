// A service's event log in ECS's wording: newest first, at most 100, repeated failures throttled.
import { newUuid } from '../store/ids';
import type { Epoch, ServiceEvent, ServiceRecord } from '../store/model';

export const MAX_SERVICE_EVENTS = 100;
/** ECS repeats a failure message only while it persists, not on every scheduling attempt. */
export const FAILURE_REPEAT_S = 60;
/** ECS says "has reached a steady state" again every six hours while the service stays steady. */
export const STEADY_STATE_REPEAT_S = 6 * 3600;

const taskList = (taskIds: readonly string[]) => taskIds.map((id) => `(task ${id})`).join(' ');

export const serviceMessages = {
  started: (service: string, taskIds: readonly string[]) =>
    `(service ${service}) has started ${taskIds.length} tasks: ${taskList(taskIds)}.`,
  stopped: (service: string, taskIds: readonly string[]) =>
    `(service ${service}) has stopped ${taskIds.length} running tasks: ${taskList(taskIds)}.`,
  unableToPlace: (service: string, reason: string) =>
    `(service ${service}) was unable to place a task because no container instance met all of its requirements. Reason: ${reason}`,
  unableToStart: (service: string) =>
    `(service ${service}) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
  deploymentCompleted: (service: string, deploymentId: string) =>
    `(service ${service}) (deployment ${deploymentId}) deployment completed.`,
  steadyState: (service: string) => `(service ${service}) has reached a steady state.`,
};

/** Adds an event as the newest, dropping the oldest beyond the limit. */
export function recordEvent(service: ServiceRecord, message: string, now: Epoch): void {
  const event: ServiceEvent = { id: newUuid(), createdAt: now, message };
  service.events.unshift(event);
  if (service.events.length > MAX_SERVICE_EVENTS) service.events.length = MAX_SERVICE_EVENTS;
}

/** Whether `message` was recorded in the last `withinS` seconds. */
export function recentlyRecorded(
  events: readonly ServiceEvent[],
  message: string,
  now: Epoch,
  withinS: number,
): boolean {
  return events.some((event) => event.message === message && now - event.createdAt < withinS);
}

/** ECS says a service reached a steady state once on reaching it, not on every check while it stays there. */
export function steadyStateDue(service: ServiceRecord, now: Epoch): boolean {
  const newest = service.events[0];
  return (
    newest?.message !== serviceMessages.steadyState(service.serviceName) ||
    now - newest.createdAt >= STEADY_STATE_REPEAT_S
  );
}
