// Finding Traefik's API in a snapshot: by image, preferring a running task, through its instance's IP and API host port.
import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, ServiceView, TaskView } from '@/lib/schemas/snapshot';
import { findTraefik } from '@/lib/traefik/find-traefik';
import type { TaskDefinitionFacts } from '@/lib/traefik/traefik-task';

const TD = 'arn:td/Edge:3';

function facts(
  command: string[],
  image = 'docker.io/library/traefik:v3.6',
): Map<string, TaskDefinitionFacts> {
  return new Map([
    [
      TD,
      {
        arn: TD,
        networkMode: 'bridge',
        containers: [{ name: 'proxy', image, command, dockerLabels: {} }],
      },
    ],
  ]);
}

function task(id: string, lastStatus: string, bindings: [number, number][]): TaskView {
  return {
    arn: `arn:task/${id}`,
    id,
    taskDefinitionArn: TD,
    group: 'service:Edge',
    serviceName: 'Edge',
    lastStatus,
    desiredStatus: 'RUNNING',
    containerInstanceArn: 'arn:ci/1',
    containerInstanceId: '1',
    launchType: 'EXTERNAL',
    createdAt: null,
    startedAt: null,
    stoppingAt: null,
    stoppedAt: null,
    stopCode: null,
    stoppedReason: null,
    containers: [
      {
        name: 'proxy',
        image: null,
        lastStatus,
        exitCode: null,
        reason: null,
        runtimeId: null,
        networkBindings: bindings.map(([containerPort, hostPort]) => ({
          bindIP: null,
          containerPort,
          hostPort,
          protocol: 'tcp',
        })),
      },
    ],
  };
}

const instances = [
  { arn: 'arn:ci/1', ec2InstanceId: 'mi-1', ip: '10.0.0.7' },
] as ClusterSnapshot['instances'];
const services = [
  { name: 'Edge', taskDefinition: TD, desiredCount: 1, runningCount: 0, pendingCount: 0 },
] as ServiceView[];

describe('findTraefik', () => {
  it('finds the running task of a service running a traefik image, whatever its name', () => {
    const location = findTraefik(
      {
        tasks: [
          task('pending', 'PENDING', []),
          task('run', 'RUNNING', [
            [80, 80],
            [8080, 18080],
          ]),
        ],
        services,
        instances,
      },
      facts(['--providers.ecs.refreshSeconds=5']),
      null,
    );
    expect(location).toMatchObject({
      url: 'http://10.0.0.7:18080',
      refreshSeconds: 5,
      source: {
        kind: 'discovered',
        taskArn: 'arn:task/run',
        serviceName: 'Edge',
        hostPort: 18080,
        ec2InstanceId: 'mi-1',
      },
    });
  });

  it("follows the traefik entrypoint's port when the command moves the API", () => {
    const location = findTraefik(
      {
        tasks: [
          task('t', 'RUNNING', [
            [8080, 8080],
            [9000, 19000],
          ]),
        ],
        services,
        instances,
      },
      facts(['--entrypoints.traefik.address=:9000']),
      null,
    );
    expect(location.url).toBe('http://10.0.0.7:19000');
  });

  it('lets TRAEFIK_API_URL override discovery but keeps the refresh interval', () => {
    const location = findTraefik(
      { tasks: [task('t', 'RUNNING', [[8080, 8080]])], services, instances },
      facts(['--providers.ecs.refreshSeconds=3']),
      'http://traefik.internal:8080',
    );
    expect(location).toEqual({
      url: 'http://traefik.internal:8080',
      refreshSeconds: 3,
      source: { kind: 'configured', url: 'http://traefik.internal:8080' },
    });
  });

  it('says why when there is no Traefik to read', () => {
    expect(findTraefik({ tasks: [], services: [], instances }, facts([]), null).source).toEqual({
      kind: 'not-found',
      reason: 'No service or task in this cluster runs a traefik image.',
    });
    expect(findTraefik({ tasks: [], services, instances }, facts([]), null).source).toMatchObject({
      reason: expect.stringMatching(
        /Service Edge runs Traefik but has no running task \(desired 1/,
      ),
    });
    expect(
      findTraefik(
        { tasks: [task('w', 'RUNNING', [[80, 80]])], services, instances },
        facts([], 'traefik/whoami'),
        null,
      ).source.kind,
    ).toBe('not-found');
    expect(
      findTraefik(
        { tasks: [task('t', 'RUNNING', [[80, 80]])], services, instances },
        facts([]),
        null,
      ).source,
    ).toMatchObject({ reason: expect.stringMatching(/no host port bound to its API port 8080/) });
  });

  it('reads only an IP literal from SSM, never a name or a URL fragment', () => {
    const at = (ip: string) =>
      findTraefik(
        {
          tasks: [task('t', 'RUNNING', [[8080, 8080]])],
          services,
          instances: [{ ...instances[0]!, ip }],
        },
        facts([]),
        null,
      );
    expect(at('::1').url).toBe('http://[::1]:8080');
    for (const ip of [
      'evil.example.com',
      '10.0.0.7@evil.com',
      '10.0.0.7/x',
      '10.0.0.7:99',
      '[::1]',
    ]) {
      expect(at(ip).source, ip).toMatchObject({ kind: 'not-found' });
    }
  });
});
