// The store's cached task lists: shared while a state is committed, rebuilt after a change, never for a draft.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { taskDefinitionOperations } from '../ecs/task-definitions';
import { taskOperations } from '../ecs/tasks';
import type { Operation } from '../api/operation';
import { LabStore } from './lab-store';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function lab() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lab-store-'));
  dirs.push(dataDir);
  const store = new LabStore({
    identity: { region: 'us-east-1', accountId: '123456789012' },
    dataDir,
    seed: { clusterName: 'c', instances: 2, addressPrefix: '127.0.0.' },
    saveDelayMs: 60_000,
  });
  const call = (op: Operation, input: unknown) => op.run(op.input.parse(input), { store });
  call(taskDefinitionOperations.RegisterTaskDefinition, {
    family: 'app',
    containerDefinitions: [{ name: 'app', image: 'traefik/whoami', memory: 64 }],
  });
  return { store, call };
}

describe('LabStore.tasksOf', () => {
  it('keeps one list per committed state and sees every change', () => {
    const { store, call } = lab();
    call(taskOperations.RunTask, { cluster: 'c', taskDefinition: 'app', count: 2 });
    const first = store.tasksOf(store.state.clusters.c!);
    expect(first).toHaveLength(2);
    expect(store.tasksOf(store.state.clusters.c!)).toBe(first);

    call(taskOperations.RunTask, { cluster: 'c', taskDefinition: 'app', count: 3 });
    expect(store.tasksOf(store.state.clusters.c!)).toHaveLength(5);
    expect(first).toHaveLength(2);
  });

  it('lists a draft afresh, so tasks added inside a mutation are seen', () => {
    const { store, call } = lab();
    call(taskOperations.RunTask, { cluster: 'c', taskDefinition: 'app', count: 1 });
    const committed = store.tasksOf(store.state.clusters.c!);
    store.mutate((draft) => {
      const cluster = draft.clusters.c!;
      const [task] = Object.values(cluster.tasks);
      cluster.tasks.copy = { ...task!, id: 'copy' };
      expect(store.tasksOf(cluster)).toHaveLength(2);
    });
    expect(committed).toHaveLength(1);
    expect(store.tasksOf(store.state.clusters.c!)).toHaveLength(2);
  });

  it('answers ListTasks from the list, filtered and in creation order', () => {
    const { store, call } = lab();
    call(taskOperations.RunTask, { cluster: 'c', taskDefinition: 'app', count: 3 });
    const listed = call(taskOperations.ListTasks, { cluster: 'c' }) as { taskArns: string[] };
    const byAge = store
      .tasksOf(store.state.clusters.c!)
      .toSorted((a, b) => a.createdAt - b.createdAt)
      .map((t) => t.taskArn);
    expect(listed.taskArns).toEqual(byAge);
    expect(call(taskOperations.ListTasks, { cluster: 'c', desiredStatus: 'STOPPED' })).toEqual({
      taskArns: [],
    });
  });
});
