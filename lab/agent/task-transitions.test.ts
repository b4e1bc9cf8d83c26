// The lifecycle steps an agent records on a task: statuses, timestamps, stop codes and exit codes.
import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../store/model';
import {
  ESSENTIAL_EXIT_REASON,
  LAB_RESTART_REASON,
  markActivating,
  markDeactivating,
  markDeprovisioning,
  markEssentialExited,
  markFailedToStart,
  markLost,
  markPending,
  markRunning,
  markStopped,
  markStopping,
  requestStop,
} from './task-transitions';

function newTask(): TaskRecord {
  return {
    id: 't1',
    taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/c/t1',
    clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/c',
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/F:1',
    group: 'service:S',
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    launchType: 'EXTERNAL',
    containers: [
      {
        containerArn: 'c-arn',
        taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/c/t1',
        name: 'web',
        image: 'traefik/whoami',
        lastStatus: 'PENDING',
        networkBindings: [{ bindIP: '0.0.0.0', containerPort: 80, hostPort: 80, protocol: 'tcp' }],
        networkInterfaces: [],
        healthStatus: 'UNKNOWN',
      },
    ],
    createdAt: 1,
    version: 1,
    overrides: { containerOverrides: [], inferenceAcceleratorOverrides: [] },
    attachments: [],
    healthStatus: 'UNKNOWN',
    enableExecuteCommand: false,
  };
}

describe('task transitions', () => {
  it('starts a task: connectivity, pull and start times, runtime id and the bound host port', () => {
    const task = newTask();
    markPending(task, 2);
    markActivating(task, [{ name: 'web', runtimeId: 'a'.repeat(64), hostPorts: [10080] }], 3);
    markRunning(task, 4);
    expect(task).toMatchObject({
      lastStatus: 'RUNNING',
      connectivity: 'CONNECTED',
      connectivityAt: 2,
      pullStartedAt: 3,
      pullStoppedAt: 3,
      startedAt: 4,
      version: 4,
    });
    expect(task.containers[0]).toMatchObject({ lastStatus: 'RUNNING', runtimeId: 'a'.repeat(64) });
    expect(task.containers[0]!.networkBindings[0]!.hostPort).toBe(10080);
  });

  it('an essential container exiting stops the task with its exit code', () => {
    const task = newTask();
    markRunning(task, 4);
    markEssentialExited(task, new Map([['web', { exitCode: 137, signal: 'SIGKILL' }]]), 5);
    expect(task).toMatchObject({
      lastStatus: 'DEACTIVATING',
      desiredStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: ESSENTIAL_EXIT_REASON,
      stoppingAt: 5,
    });
    expect(task.containers[0]).toMatchObject({ lastStatus: 'STOPPED', exitCode: 137 });
    markStopping(task);
    markDeprovisioning(task, new Map(), 6);
    markStopped(task, 7);
    expect(task).toMatchObject({ lastStatus: 'STOPPED', executionStoppedAt: 6, stoppedAt: 7 });
    expect(task.containers[0]!.exitCode).toBe(137);
  });

  it('keeps the stop code of a stop already requested', () => {
    const task = newTask();
    requestStop(task, 'UserInitiated', 'by me', 5);
    markDeactivating(task);
    markEssentialExited(task, new Map([['web', { exitCode: 143, signal: 'SIGTERM' }]]), 6);
    expect(task).toMatchObject({
      stopCode: 'UserInitiated',
      stoppedReason: 'by me',
      stoppingAt: 5,
    });
  });

  it('a task that cannot start stops at once with TaskFailedToStart', () => {
    const task = newTask();
    markFailedToStart(task, 'CannotPullContainerError: nope', 3);
    expect(task).toMatchObject({
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stopCode: 'TaskFailedToStart',
      stoppedReason: 'CannotPullContainerError: nope',
      stoppingAt: 3,
      executionStoppedAt: 3,
      stoppedAt: 3,
    });
    expect(task.containers[0]).toMatchObject({
      lastStatus: 'STOPPED',
      reason: 'CannotPullContainerError: nope',
    });
  });

  it('a task lost with the lab is stopped with the restart reason', () => {
    const task = newTask();
    markRunning(task, 4);
    markLost(task, 9);
    expect(task).toMatchObject({
      lastStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: LAB_RESTART_REASON,
      stoppedAt: 9,
    });
  });
});
