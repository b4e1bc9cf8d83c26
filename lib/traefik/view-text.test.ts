// The Traefik views' sentences.
import { describe, expect, it } from 'vitest';
import { flagText, sourceText } from '@/lib/traefik/view-text';

describe('sourceText', () => {
  it('says how Traefik was found', () => {
    expect(sourceText({ kind: 'configured', url: 'http://t:8080' })).toBe(
      'Configured by TRAEFIK_API_URL',
    );
    expect(
      sourceText({
        kind: 'discovered',
        url: 'http://127.0.0.11:8080',
        taskArn: 'arn:aws:ecs:us-east-1:1:task/lab/1a2b3c4d5e6f7a8b',
        serviceName: 'LoadBalancer',
        containerInstanceArn: 'arn:ci/x',
        ec2InstanceId: 'mi-0123',
        ip: '127.0.0.11',
        hostPort: 8080,
        containerPort: 8080,
      }),
    ).toBe(
      'Discovered: task 1a2b3c4d… of service LoadBalancer on instance mi-0123 (127.0.0.11), host port 8080 → container port 8080',
    );
    expect(sourceText({ kind: 'not-found', reason: 'No Traefik.' })).toBe('No Traefik.');
  });
});

describe('flagText', () => {
  it('says how long a task has waited, against the refresh interval', () => {
    expect(
      flagText(
        {
          kind: 'task-not-routed',
          taskArn: 'a',
          taskId: '3f2a9b8c7d6e',
          serviceName: 'Whoami',
          forSeconds: 4,
          withinRefresh: true,
        },
        2,
      ),
    ).toBe(
      'Task 3f2a9b8c… of Whoami RUNNING for 4 s, not routed yet (Traefik refreshes every 2 s)',
    );
    expect(
      flagText(
        { kind: 'server-without-task', url: 'http://1.2.3.4:80', traefikService: 'w@ecs' },
        2,
      ),
    ).toBe('Traefik server http://1.2.3.4:80 (w@ecs) has no live ECS task');
  });
});
