// moto's server (the usual AWS mock) for side-by-side benchmarks: installed into .bench/moto-venv on first use, one server per call.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from '../../scripts/console-process';
import path from 'node:path';

export interface RunningMoto {
  endpoint: string;
  version: string;
  pid: number;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..', '..');
const venv = path.join(root, '.bench', 'moto-venv');
const bin = (name: string) => path.join(venv, 'bin', name);

/** Creates the venv and pip-installs moto[server] from PyPI unless it is there; returns moto's version. */
export function ensureMoto(): string {
  if (!existsSync(bin('moto_server'))) {
    execFileSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
    execFileSync(bin('pip'), ['install', '--quiet', 'moto[server]'], { stdio: 'inherit' });
  }
  return execFileSync(bin('python'), ['-c', 'import moto; print(moto.__version__)'], {
    encoding: 'utf8',
  }).trim();
}

/** Starts `moto_server` on a free 127.0.0.1 port and waits until it answers. */
export async function startMoto(): Promise<RunningMoto> {
  const version = ensureMoto();
  const port = await freePort();
  const child = spawn(bin('moto_server'), ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited early:\n${output}`);
    const up = await fetch(`${endpoint}/moto-api/`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`moto_server did not answer in 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    endpoint,
    version,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** EC2 RunInstances on moto (no EC2 client in this project): moto's ECS registers only instances its EC2 knows. */
export async function runMotoInstances(endpoint: string, count: number): Promise<string[]> {
  const body = new URLSearchParams({
    Action: 'RunInstances',
    Version: '2016-11-15',
    // One of the AMIs moto ships with.
    ImageId: 'ami-03cf127a',
    MinCount: String(count),
    MaxCount: String(count),
    InstanceType: 't3.medium',
  });
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      // moto routes by the credential scope and does not check the signature.
      authorization:
        'AWS4-HMAC-SHA256 Credential=lab/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0',
    },
    body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`moto RunInstances answered ${response.status}: ${text}`);
  return [...text.matchAll(/<instanceId>(i-[0-9a-f]+)<\/instanceId>/g)].map((m) => m[1]!);
}
