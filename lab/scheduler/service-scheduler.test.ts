// The scheduler's passes on a real store in a temp directory, with the lab's own operations; tasks are
// marked RUNNING by hand where an agent would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Operation } from '../api/operation';
import { serviceOperations } from '../ecs/services';
import { taskDefinitionOperations } from '../ecs/task-definitions';
import { addContainerInstance, addManagedInstance } from '../store/external-instances';
import { LabStore } from '../store/lab-store';
import { LAB_INSTANCE_ROLE } from '../store/seed';
import type { LabState } from '../store/model';
import { reconcileServices, startServiceScheduler } from './service-scheduler';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function lab(instances = 2) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lab-scheduler-'));
  dirs.push(dataDir);
  const store = new LabStore({
    identity: { region: 'us-east-1', accountId: '123456789012' },
    dataDir,
    seed: { clusterName: 'c', instances, addressPrefix: '127.0.0.' },
    saveDelayMs: 60_000,
  });
  const call = (op: Operation, input: unknown) => op.run(op.input.parse(input), { store });
  const register = (family: string, memory = 64) =>
    call(taskDefinitionOperations.RegisterTaskDefinition, {
      family,
      containerDefinitions: [
        {
          name: 'app',
          image: 'traefik/whoami',
          memory,
          portMappings: [{ containerPort: 80, hostPort: 0 }],
        },
      ],
    });
  const cluster = () => store.state.clusters.c!;
  const service = (name: string) => cluster().services[name]!;
  const live = (name: string) =>
    Object.values(cluster().tasks).filter(
      (t) => t.group === `service:${name}` && t.desiredStatus === 'RUNNING',
    );
  /** What agents do: every task that should run is RUNNING. */
  const runAll = () =>
    store.mutate((state: LabState) => {
      for (const task of Object.values(state.clusters.c!.tasks)) {
        if (task.desiredStatus === 'RUNNING' && task.lastStatus !== 'STOPPED') {
          task.lastStatus = 'RUNNING';
          task.startedAt ??= Date.now() / 1000;
        }
        if (task.desiredStatus === 'STOPPED') task.lastStatus = 'STOPPED';
      }
    });
  return { store, call, register, cluster, service, live, runAll };
}

const messages = (events: { message: string }[]) => events.map((e) => e.message);

describe('reconcileServices', () => {
  it('converges a service, completes its deployment and says steady state once', () => {
    const { store, call, register, service, live, runAll } = lab();
    register('web');
    call(serviceOperations.CreateService, {
      cluster: 'c',
      serviceName: 'Web',
      taskDefinition: 'web',
      desiredCount: 4,
    });
    expect(reconcileServices(store)).toBe(1);
    const placed = live('Web');
    expect(placed).toHaveLength(4);
    expect(new Set(placed.map((t) => t.startedBy))).toEqual(
      new Set([service('Web').deployments[0]!.id]),
    );
    expect(messages(service('Web').events)).toEqual([
      `(service Web) has started 4 tasks: ${placed.map((t) => `(task ${t.id})`).join(' ')}.`,
    ]);
    expect(reconcileServices(store)).toBe(0);

    runAll();
    expect(reconcileServices(store)).toBe(1);
    const deployment = service('Web').deployments[0]!;
    expect(deployment.rolloutState).toBe('COMPLETED');
    expect(messages(service('Web').events).slice(0, 2)).toEqual([
      '(service Web) has reached a steady state.',
      `(service Web) (deployment ${deployment.id}) deployment completed.`,
    ]);
    let changes = 0;
    store.onChange(() => changes++);
    expect(reconcileServices(store)).toBe(0);
    expect(changes).toBe(0);
  });

  it('rolls a new task definition out under 100/200 and drops the old deployment at the end', () => {
    const { store, call, register, service, live, runAll } = lab();
    register('web');
    call(serviceOperations.CreateService, {
      cluster: 'c',
      serviceName: 'Web',
      taskDefinition: 'web',
      desiredCount: 2,
    });
    reconcileServices(store);
    runAll();
    reconcileServices(store);
    const old = service('Web').deployments[0]!;
    register('web');
    call(serviceOperations.UpdateService, {
      cluster: 'c',
      service: 'Web',
      taskDefinition: 'web:2',
    });
    expect(service('Web').deployments.map((d) => [d.status, d.rolloutState])).toEqual([
      ['PRIMARY', 'IN_PROGRESS'],
      ['ACTIVE', 'COMPLETED'],
    ]);
    const primary = service('Web').deployments[0]!;

    reconcileServices(store);
    expect(live('Web').filter((t) => t.startedBy === primary.id)).toHaveLength(2);
    expect(live('Web').filter((t) => t.startedBy === old.id)).toHaveLength(2);
    reconcileServices(store);
    expect(live('Web')).toHaveLength(4); // nothing stops before the new tasks run

    runAll();
    reconcileServices(store);
    expect(live('Web').map((t) => t.startedBy)).toEqual([primary.id, primary.id]);
    expect(messages(service('Web').events)[0]).toMatch(
      /^\(service Web\) has stopped 2 running tasks: /,
    );
    expect(service('Web').deployments.find((d) => d.id === old.id)?.desiredCount).toBe(0);

    runAll();
    reconcileServices(store);
    expect(service('Web').deployments.map((d) => [d.id, d.status, d.rolloutState])).toEqual([
      [primary.id, 'PRIMARY', 'COMPLETED'],
    ]);
    expect(messages(service('Web').events)[0]).toBe('(service Web) has reached a steady state.');
  });

  it('replaces a task that stopped and stops every task of a deleted service', () => {
    const { store, call, register, service, live, runAll } = lab();
    register('web');
    call(serviceOperations.CreateService, {
      cluster: 'c',
      serviceName: 'Web',
      taskDefinition: 'web',
      desiredCount: 2,
    });
    reconcileServices(store);
    runAll();
    const [gone] = live('Web');
    store.mutate((state) => {
      const task = state.clusters.c!.tasks[gone!.id]!;
      task.lastStatus = 'STOPPED';
      task.desiredStatus = 'STOPPED';
      task.stopCode = 'EssentialContainerExited';
    });
    reconcileServices(store);
    expect(live('Web')).toHaveLength(2);
    expect(live('Web').map((t) => t.id)).not.toContain(gone!.id);

    call(serviceOperations.DeleteService, { cluster: 'c', service: 'Web', force: true });
    reconcileServices(store);
    expect(live('Web')).toHaveLength(0);
    expect(service('Web').status).toBe('DRAINING');
  });

  it('says it cannot place at most once a minute, and places as soon as capacity appears', () => {
    const { store, call, register, service, live } = lab(1);
    register('big', 3000);
    call(serviceOperations.CreateService, {
      cluster: 'c',
      serviceName: 'Big',
      taskDefinition: 'big',
      desiredCount: 2,
    });
    reconcileServices(store);
    expect(live('Big')).toHaveLength(1);
    const unable = messages(service('Big').events).filter((m) => m.includes('unable to place'));
    expect(unable).toEqual([
      expect.stringMatching(
        /^\(service Big\) was unable to place a task because no container instance met all of its requirements\. Reason: The closest matching container-instance \w+ has insufficient memory available\.$/,
      ),
    ]);
    let changes = 0;
    store.onChange(() => changes++);
    for (let i = 0; i < 5; i++) reconcileServices(store);
    expect(changes).toBe(0);
    expect(service('Big').events).toHaveLength(2);
  });

  it('waits longer before each new launch while tasks fail to start, and says so', () => {
    const { store, call, register, service, live } = lab();
    register('broken');
    call(serviceOperations.CreateService, {
      cluster: 'c',
      serviceName: 'Broken',
      taskDefinition: 'broken',
      desiredCount: 1,
    });
    const failLive = (stoppedAt: number) =>
      store.mutate((state) => {
        for (const task of Object.values(state.clusters.c!.tasks)) {
          if (task.lastStatus === 'STOPPED') continue;
          Object.assign(task, {
            lastStatus: 'STOPPED',
            desiredStatus: 'STOPPED',
            stopCode: 'TaskFailedToStart',
            stoppedAt,
          });
        }
      });
    const now = Date.now() / 1000;
    for (let failures = 0; failures < 3; failures++) {
      reconcileServices(store);
      expect(live('Broken')).toHaveLength(1);
      failLive(now - 10);
    }
    // 3 failures, the last 10 s ago: the next try waits 4 s, already over.
    reconcileServices(store);
    expect(live('Broken')).toHaveLength(1);
    expect(messages(service('Broken').events)).toContain(
      '(service Broken) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.',
    );
    failLive(now);
    reconcileServices(store);
    expect(live('Broken')).toHaveLength(0);
  });

  it('runs a DAEMON service on every connected instance', () => {
    const { store, call, register, service, live } = lab(3);
    register('agent');
    store.mutate((state) => {
      Object.values(state.clusters.c!.containerInstances)[0]!.agentConnected = false;
    });
    call(serviceOperations.CreateService, {
      cluster: 'c',
      serviceName: 'Agent',
      taskDefinition: 'agent',
      schedulingStrategy: 'DAEMON',
    });
    reconcileServices(store);
    expect(new Set(live('Agent').map((t) => t.containerInstanceArn)).size).toBe(2);
    expect(live('Agent')).toHaveLength(2);
    expect(service('Agent').desiredCount).toBe(2);
    expect(reconcileServices(store)).toBe(0);
  });

  it('keeps a converged pass over 50 services and 2,000 tasks cheap, and places 5,000 tasks over 500 instances', () => {
    const { store, call, register, live, runAll } = lab(200);
    store.mutate((state) => {
      const activationId = Object.keys(state.activations)[0]!;
      for (let i = 0; i < 300; i++) {
        const managed = addManagedInstance(state, {
          addressPrefix: i < 150 ? '127.0.1.' : '127.0.2.',
          activationId,
          iamRole: LAB_INSTANCE_ROLE,
        });
        addContainerInstance(state, store.identity, 'c', { ec2InstanceId: managed.instanceId });
      }
    });
    expect(Object.keys(store.state.clusters.c!.containerInstances)).toHaveLength(500);
    register('tiny', 6);
    for (let i = 0; i < 50; i++) {
      call(serviceOperations.CreateService, {
        cluster: 'c',
        serviceName: `S${i}`,
        taskDefinition: 'tiny',
        desiredCount: 40,
      });
    }
    let started = performance.now();
    reconcileServices(store);
    const placing = performance.now() - started;
    expect(live('S7')).toHaveLength(40);
    runAll();
    reconcileServices(store);
    started = performance.now();
    expect(reconcileServices(store)).toBe(0);
    const converged = performance.now() - started;
    call(serviceOperations.CreateService, {
      cluster: 'c',
      serviceName: 'Many',
      taskDefinition: 'tiny',
      desiredCount: 5000,
    });
    started = performance.now();
    reconcileServices(store);
    const many = performance.now() - started;
    expect(live('Many')).toHaveLength(5000);
    console.log(
      `placed 50 × 40 tasks in ${placing.toFixed(0)} ms; converged pass ${converged.toFixed(1)} ms; 5,000 tasks in ${many.toFixed(0)} ms`,
    );
    expect(converged).toBeLessThan(100);
  });
});

describe('startServiceScheduler', () => {
  it('acts soon after a change and then stays quiet instead of waking itself forever', async () => {
    const { store, call, register, live } = lab(1);
    register('big', 3000);
    const stop = startServiceScheduler(store);
    try {
      call(serviceOperations.CreateService, {
        cluster: 'c',
        serviceName: 'Big',
        taskDefinition: 'big',
        desiredCount: 2,
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(live('Big')).toHaveLength(1);
      let changes = 0;
      store.onChange(() => changes++);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(changes).toBe(0);
    } finally {
      stop();
    }
  });
});
