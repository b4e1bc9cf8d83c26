// The lab's admin routes for tests (instances, processes) and a /proc check that a process is really gone.
import { readFileSync } from 'node:fs';

export interface LabProcess {
  taskArn: string;
  container: string;
  pid: number;
  hostPorts: number[];
  containerInstanceArn: string;
}

export interface LabInstance {
  cluster: string;
  instanceId: string;
  containerInstanceId: string;
  containerInstanceArn: string;
  address?: string;
  status: string;
  agentConnected: boolean;
  pingStatus?: string;
  activationId?: string;
  pids: number[];
}

export interface AdminResult<T> {
  status: number;
  body: T;
}

export function labAdmin(adminEndpoint: string, secret = 'lab') {
  async function call<T>(method: string, route: string, body?: unknown): Promise<AdminResult<T>> {
    const response = await fetch(`${adminEndpoint}${route}`, {
      method,
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }
  return {
    call,
    async processes(): Promise<LabProcess[]> {
      const { status, body } = await call<{ processes: LabProcess[] }>('GET', '/processes');
      if (status !== 200) throw new Error(`GET /_lab/processes answered ${status}`);
      return body.processes;
    },
    async instances(): Promise<LabInstance[]> {
      const { status, body } = await call<{ instances: LabInstance[] }>('GET', '/instances');
      if (status !== 200) throw new Error(`GET /_lab/instances answered ${status}`);
      return body.instances;
    },
  };
}

/** True while the pid names a process that has not ended (a zombie counts as ended). */
export function processAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
