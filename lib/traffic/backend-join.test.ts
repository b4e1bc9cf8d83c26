import { describe, expect, it } from 'vitest';
import type { InstanceView, TaskView } from '@/lib/schemas/snapshot';
import { joinBackends } from './backend-join';

const instance = (arn: string, ip: string): InstanceView => ({
  arn,
  id: arn.split('/').pop()!,
  ec2InstanceId: `mi-${arn.slice(-4)}`,
  ip,
  pingStatus: 'Online',
  status: 'ACTIVE',
  agentConnected: true,
  role: 'webserver',
  attributes: [],
  runningTasksCount: 0,
  pendingTasksCount: 0,
  cpu: { registered: 0, remaining: 0 },
  memory: { registered: 0, remaining: 0 },
  registeredAt: null,
});

const task = (
  arn: string,
  instanceArn: string,
  lastStatus: string,
  createdAt: string,
  runtimeId: string | null = null,
): TaskView => ({
  arn,
  id: arn.split('/').pop()!,
  taskDefinitionArn: 'td',
  group: 'service:Whoami',
  serviceName: 'Whoami',
  lastStatus,
  desiredStatus: lastStatus,
  containerInstanceArn: instanceArn,
  containerInstanceId: instanceArn.split('/').pop()!,
  launchType: 'EXTERNAL',
  createdAt,
  startedAt: null,
  stoppingAt: null,
  stoppedAt: null,
  stopCode: null,
  stoppedReason: null,
  containers: [
    {
      name: 'whoami',
      image: null,
      lastStatus,
      exitCode: null,
      reason: null,
      runtimeId,
      networkBindings: [],
    },
  ],
});

describe('joinBackends', () => {
  const i1 = instance('arn:ci/c/aaaa', '127.0.0.12');
  const i2 = instance('arn:ci/c/bbbb', '127.0.0.13');

  it('matches container ids to runtimeId prefixes, with task and instance', () => {
    const t1 = task(
      'arn:task/c/t1',
      i1.arn,
      'RUNNING',
      '2026-01-01T00:00:01Z',
      '3F2A9C0D1E4B' + 'f'.repeat(52),
    );
    const t2 = task(
      'arn:task/c/t2',
      i2.arn,
      'RUNNING',
      '2026-01-01T00:00:02Z',
      '0123456789ab' + '0'.repeat(52),
    );
    const joined = joinBackends([t1, t2], [i1, i2]);
    expect(joined.get('3f2a9c0d1e4b')).toEqual({
      task: { arn: t1.arn, id: 't1', service: 'Whoami', lastStatus: 'RUNNING' },
      instance: { id: 'aaaa', ec2InstanceId: 'mi-aaaa', ip: '127.0.0.12' },
    });
    expect(joined.get('0123456789ab')?.instance?.ip).toBe('127.0.0.13');
    expect(joined.size).toBe(2);
  });

  it('leaves unknown ids and tasks without runtime ids out', () => {
    const at = '2026-01-01T00:00:01Z';
    expect(joinBackends([task('arn:task/c/t0', i1.arn, 'PENDING', at)], [i1]).size).toBe(0);
    const t1 = task('arn:task/c/t1', 'arn:ci/c/gone', 'PENDING', at, 'abc');
    const joined = joinBackends([t1], [i1]);
    expect(joined.size).toBe(0);
    const t2 = task('arn:task/c/t1', 'arn:ci/c/gone', 'PENDING', at, 'abcdefabcdef00');
    const withId = joinBackends([t2], [i1]);
    expect(withId.get('abcdefabcdef')?.instance).toBeNull();
  });
});
