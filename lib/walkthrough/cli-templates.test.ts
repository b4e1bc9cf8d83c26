import { describe, expect, it } from 'vitest';
import { curlCommands, rolesCli } from '@/lib/walkthrough/cli-templates';

describe('curlCommands', () => {
  it('repeats the host-header curl once per request, to the discovered entrypoint', () => {
    const cli = curlCommands(
      { host: '127.0.0.11', port: 80 },
      'host',
      { host: 'whoami.domain.com', path: '/' },
      4,
    );
    expect(cli.split('\n')).toEqual(
      Array(4).fill("curl -H 'Host: whoami.domain.com' http://127.0.0.11/"),
    );
  });

  it('uses the path, a non-80 port, and a placeholder before Traefik is found', () => {
    expect(
      curlCommands({ host: '10.0.0.5', port: 8000 }, 'path', { host: '', path: '/whoami' }, 1),
    ).toBe('curl http://10.0.0.5:8000/whoami');
    expect(curlCommands(null, 'path', { host: '', path: '/whoami' }, 1)).toBe(
      'curl "http://$LB_HOST_IP"/whoami',
    );
  });
});

describe('rolesCli', () => {
  it('puts each planned role on its instance in one put-attributes call', () => {
    expect(
      rolesCli('c', 'role', [
        { arn: 'arn:1', value: 'loadbalancer' },
        { arn: 'arn:2', value: 'webserver' },
      ]),
    ).toBe(
      'aws ecs put-attributes --cluster c --attributes name=role,value=loadbalancer,targetType=container-instance,targetId=arn:1 name=role,value=webserver,targetType=container-instance,targetId=arn:2',
    );
  });
});
