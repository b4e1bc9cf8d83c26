// Task-role credentials through the admin router, with a real store in a temp directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTasks } from '../ecs/task-factory';
import { LabStore } from '../store/lab-store';
import { routeAdmin } from './router';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function storeWithTask() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lab-admin-'));
  dirs.push(dataDir);
  const store = new LabStore({
    identity: { region: 'us-east-1', accountId: '123456789012' },
    dataDir,
    seed: { clusterName: 'c', instances: 1, addressPrefix: '127.0.0.' },
  });
  const task = store.mutate((state) => {
    state.taskDefinitions.F = [
      {
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/F:1',
        family: 'F',
        revision: 1,
        status: 'ACTIVE',
        containerDefinitions: [{ name: 'app', image: 'x', memory: 64 }],
        networkMode: 'bridge',
        volumes: [],
        placementConstraints: [],
        requiresAttributes: [],
        compatibilities: ['EC2', 'EXTERNAL'],
        registeredAt: 0,
        registeredBy: 'me',
      },
    ];
    const cluster = state.clusters.c!;
    return createTasks(state, store.identity, cluster, {
      definition: state.taskDefinitions.F[0]!,
      count: 1,
      group: 'family:F',
      constraints: [],
      strategy: [],
    }).tasks[0]!;
  });
  return { store, task };
}

describe('task credentials', () => {
  it('are served for the token the task was given, with the lab keys and a known session token', () => {
    const { store, task } = storeWithTask();
    const issued = store.issueTaskCredentials('c', task.id)!;
    const context = { store, accessKeyId: 'lab', secretAccessKey: 'secret' };
    const reply = routeAdmin(
      {
        method: 'GET',
        path: `/task-credentials/${task.id}`,
        headers: { authorization: issued.authorization },
      },
      context,
    );
    expect(reply.status).toBe(200);
    const body = reply.body as {
      AccessKeyId: string;
      SecretAccessKey: string;
      Token: string;
      Expiration: string;
    };
    expect(body).toMatchObject({
      AccessKeyId: 'lab',
      SecretAccessKey: 'secret',
      Token: issued.sessionToken,
    });
    const hours = (Date.parse(body.Expiration) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(5.9);
    expect(store.isKnownSessionToken(body.Token)).toBe(true);
    expect(store.isKnownSessionToken('other')).toBe(false);
    const refused = routeAdmin(
      { method: 'GET', path: `/task-credentials/${task.id}`, headers: { authorization: 'nope' } },
      context,
    );
    expect(refused.status).toBe(401);
  });
});
