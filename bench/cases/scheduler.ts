// Case 4: placing 5,000 tasks over 500 instances with a memberOf constraint and spread by instanceId: the engine, then over the wire.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  RegisterContainerInstanceCommand,
} from '@aws-sdk/client-ecs';
import type { BenchCase, BenchFigure, BenchMode } from '../types';
import { benchClients } from '../support/aws';
import { median, round, timed } from '../support/measure';
import { registerWhoami } from '../support/seed';
import { startLab } from '@/lab/test/lab-process';
import { placeTasks, type PlacementCandidate } from '@/lab/scheduler/placement';

const sizes = {
  full: { instances: 500, tasks: 5_000, runs: 5 },
  smoke: { instances: 10, tasks: 50, runs: 1 },
};
// Four instances in five carry the attribute the constraint asks for.
const ATTRIBUTE = 'bench-pool';
const CONSTRAINT = { type: 'memberOf' as const, expression: `attribute:${ATTRIBUTE} == a` };
const inPool = (index: number) => index % 5 !== 0;

function candidates(count: number): PlacementCandidate[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `${String(i).padStart(32, '0')}`;
    return {
      arn: `arn:aws:ecs:us-east-1:123456789012:container-instance/bench/${id}`,
      id,
      cql: {
        attributes: { 'ecs.os-type': 'linux', ...(inPool(i) ? { [ATTRIBUTE]: 'a' } : {}) },
        agentConnected: true,
        agentVersion: '1.0.0',
        ec2InstanceId: `mi-${String(i).padStart(17, '0')}`,
        registeredAt: 0,
        runningTasksCount: 0,
        taskGroups: [],
      },
      status: 'ACTIVE',
      remainingCpu: 2048,
      remainingMemory: 3904,
      usedTcpPorts: new Set(),
      usedUdpPorts: new Set(),
    };
  });
}

/** The lab's placement engine called directly: median wall time of `runs` placements, checked for spread. */
function engine(size: (typeof sizes)['full']): BenchFigure {
  const pool = candidates(size.instances);
  const eligible = pool.filter((_, i) => inPool(i)).length;
  const times: number[] = [];
  for (let run = 0; run < size.runs; run++) {
    const start = performance.now();
    const result = placeTasks(pool, {
      count: size.tasks,
      cpu: 16,
      memory: 64,
      ports: [],
      group: 'service:bench',
      constraints: [CONSTRAINT],
      strategy: [{ type: 'spread', field: 'instanceId' }],
    });
    times.push(performance.now() - start);
    const perInstance = new Map<string, number>();
    for (const p of result.placements) {
      perInstance.set(p.instanceArn, (perInstance.get(p.instanceArn) ?? 0) + 1);
    }
    const counts = [...perInstance.values()];
    if (result.placements.length !== size.tasks || perInstance.size !== eligible) {
      throw new Error(`placed ${result.placements.length} tasks on ${perInstance.size} instances`);
    }
    if (Math.max(...counts) - Math.min(...counts) > 1) throw new Error('placement is not spread');
  }
  const ms = median(times);
  return {
    name: `placement engine: ${size.tasks} tasks over ${size.instances} instances (median of ${size.runs})`,
    value: round(ms),
    unit: 'ms',
    comparedWith: { name: 'target', value: 1000, unit: 'ms' },
    target: '< 1 s',
    met: ms < 1000,
    note: `memberOf ${CONSTRAINT.expression} (${eligible} instances), spread by instanceId; spread checked`,
  };
}

/**
 * CreateService until every task is placed, over the wire. Instances register through the ECS API (a lab's
 * own instances share one /24 of loopback addresses); an empty images dir keeps tasks PENDING, so no process starts.
 */
async function overTheWire(size: (typeof sizes)['full']): Promise<BenchFigure> {
  const imagesDir = mkdtempSync(path.join(tmpdir(), 'bench-no-images-'));
  const lab = await startLab({
    instances: 0,
    env: { LAB_CLUSTER: 'bench', LAB_IMAGES_DIR: imagesDir },
  });
  const { ecs, ssm } = benchClients(lab.endpoint);
  const cluster = 'bench';
  try {
    for (let i = 0; i < size.instances; i++) {
      await ecs.send(
        new RegisterContainerInstanceCommand({
          cluster,
          instanceIdentityDocument: JSON.stringify({
            instanceId: `i-${i.toString(16).padStart(17, '0')}`,
          }),
          attributes: inPool(i) ? [{ name: ATTRIBUTE, value: 'a' }] : [],
        }),
      );
    }
    const taskDefinition = await registerWhoami(ecs);
    const { ms } = await timed(async () => {
      await ecs.send(
        new CreateServiceCommand({
          cluster,
          serviceName: 'bench-placement',
          taskDefinition,
          launchType: 'EXTERNAL',
          desiredCount: size.tasks,
          placementConstraints: [CONSTRAINT],
          placementStrategy: [{ type: 'spread', field: 'instanceId' }],
        }),
      );
      for (;;) {
        const out = await ecs.send(
          new DescribeServicesCommand({ cluster, services: ['bench-placement'] }),
        );
        const service = out.services?.[0];
        if ((service?.pendingCount ?? 0) + (service?.runningCount ?? 0) >= size.tasks) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    return {
      name: `over the wire: CreateService of ${size.tasks} tasks until all placed`,
      value: round(ms),
      unit: 'ms',
      comparedWith: { name: 'target', value: 1000, unit: 'ms' },
      target: '< 1 s',
      met: ms < 1000,
      note: "the lab's service scheduler, store and API, polled every 20 ms; tasks stay PENDING (no image build)",
    };
  } finally {
    ecs.destroy();
    ssm.destroy();
    await lab.stop();
    rmSync(imagesDir, { recursive: true, force: true });
  }
}

async function run(mode: BenchMode): Promise<BenchFigure[]> {
  const size = sizes[mode];
  return [engine(size), await overTheWire(size)];
}

const scheduler: BenchCase = {
  id: 'scheduler',
  title: 'Scheduler placement',
  run,
};

export default scheduler;
