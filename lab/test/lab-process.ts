// Starts a lab as a child process on a free port and tells its endpoint; shared by wire tests, e2e and bench.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunningLab {
  endpoint: string;
  adminEndpoint: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface LabOptions {
  instances?: number;
  dataDir?: string;
  env?: Record<string, string>;
  args?: string[];
}

const root = path.resolve(import.meta.dirname, '..', '..');

export async function startLab(options: LabOptions = {}): Promise<RunningLab> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'anywhere-lab-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'lab', 'main.ts'), ...(options.args ?? [])],
    {
      cwd: root,
      env: {
        ...process.env,
        LAB_PORT: '0',
        LAB_DATA_DIR: dataDir,
        LAB_INSTANCES: String(options.instances ?? 3),
        // Each test lab gets its own loopback range unless a test picks one, so labs never share ports.
        LAB_ADDRESS_PREFIX: `127.${100 + Math.floor(Math.random() * 150)}.${Math.floor(Math.random() * 250)}.`,
        // Every test lab shares the repo's image builds; building Traefik takes minutes.
        LAB_IMAGES_DIR: path.join(root, '.lab', 'images'),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`lab did not start in 60 s:\n${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ECS endpoint: (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`lab exited with ${code} before it started:\n${output}`));
    });
  });
  return {
    endpoint,
    adminEndpoint: `${endpoint}/_lab`,
    dataDir,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
