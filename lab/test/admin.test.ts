// The /_lab/ admin routes over HTTP: bearer auth, health, state dump, reset, task credentials refusal.
import { CreateClusterCommand, ListClustersCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type RunningLab } from './lab-process';
import { labClients } from './support/clients';

let lab: RunningLab;
beforeAll(async () => {
  lab = await startLab({ instances: 1, env: { LAB_ADDRESS_PREFIX: '127.0.14.' } });
});
afterAll(async () => lab?.stop());

const admin = (route: string, init: RequestInit = {}, secret = 'lab') =>
  fetch(`${lab.adminEndpoint}${route}`, {
    ...init,
    headers: { authorization: `Bearer ${secret}`, ...init.headers },
  });

describe('admin routes', () => {
  it('require the secret access key as a bearer token', async () => {
    expect((await admin('/health')).status).toBe(200);
    expect((await admin('/health', {}, 'wrong')).status).toBe(401);
    expect((await fetch(`${lab.adminEndpoint}/state`)).status).toBe(401);
    expect((await admin('/nothing-here')).status).toBe(404);
    expect((await admin('/reset')).status).toBe(405);
  });

  it('dump the state and reset it to a fresh seed', async () => {
    const { ecs } = labClients(lab.endpoint);
    await ecs.send(new CreateClusterCommand({ clusterName: 'to-be-reset' }));
    const state = (await (await admin('/state')).json()) as {
      clusters: Record<string, unknown>;
      managedInstances: object;
    };
    expect(Object.keys(state.clusters).sort()).toEqual(['anywhere-lab', 'to-be-reset']);
    expect(Object.keys(state.managedInstances)).toHaveLength(1);
    expect((await admin('/reset', { method: 'POST' })).status).toBe(200);
    const { clusterArns } = await ecs.send(new ListClustersCommand({}));
    expect(clusterArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:cluster/anywhere-lab']);
  });

  it('refuse task credentials without the task token', async () => {
    const reply = await fetch(
      `${lab.adminEndpoint}/task-credentials/0123456789abcdef0123456789abcdef`,
      {
        headers: { authorization: 'guess' },
      },
    );
    expect(reply.status).toBe(401);
  });
});
