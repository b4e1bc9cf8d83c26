// The container runtime with real processes: whoami and Traefik from the image catalog, their hostnames, exits and clean-up.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalogDescription, imageReady } from '@/lab/images/catalog';
import type { ContainerLaunch } from '@/lab/runtime/container';
import {
  CannotPullContainerError,
  ImageNotReadyError,
  launchContainer,
  type LaunchedContainer,
} from '@/lab/runtime/launch';
import { isTcpPortFree } from '@/lab/runtime/port-probe';
import { runningAsRoot } from '@/lab/runtime/ports';
import { processStartTime, reapStale, writeRuntimeRecord } from '@/lab/runtime/records';
import { getJson, httpGet, whoamiHostname } from './support/http';
import { waitFor } from './support/wait';

const root = path.resolve(import.meta.dirname, '..', '..');
const imagesDir = process.env.LAB_IMAGES_DIR ?? path.join(root, '.lab', 'images');
const scenarioTraefikCommand = [
  '--api.dashboard=true',
  '--api.insecure=true',
  '--entrypoints.web.address=:80',
  '--providers.ecs.ecsAnywhere=true',
  '--providers.ecs.region=us-east-1',
  '--providers.ecs.autoDiscoverClusters=true',
  '--providers.ecs.exposedByDefault=false',
];

let workDir: string;
const launched: LaunchedContainer[] = [];

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'lab-runtime-'));
  if (!imageReady(imagesDir, 'traefik') || !imageReady(imagesDir, 'whoami')) {
    await promisify(execFile)(process.execPath, [path.join(root, 'lab', 'images', 'build.mjs')], {
      env: { ...process.env, LAB_IMAGES_DIR: imagesDir },
      maxBuffer: 64 * 1024 * 1024,
    });
  }
}, 20 * 60_000);

afterAll(async () => {
  await Promise.all(launched.map((container) => container.stop(1)));
  rmSync(workDir, { recursive: true, force: true });
});

function hex(length: number): string {
  return Array.from({ length }, () => Math.floor(Math.random() * 16).toString(16)).join('');
}

async function freePort(): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    if (await isTcpPortFree('0.0.0.0', port)) return port;
  }
}

function containerLaunch(overrides: Partial<ContainerLaunch>): ContainerLaunch {
  const taskId = hex(32);
  return {
    taskId,
    containerName: 'whoami',
    image: 'traefik/whoami',
    environment: [],
    hostAddress: '127.0.0.21',
    portBindings: [],
    hostname: taskId.slice(0, 12),
    logFile: path.join(workDir, `${taskId}.log`),
    labEndpoint: inject('labEndpoint'),
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDLABRUNTIME', secretAccessKey: 'lab-runtime-secret' },
    imagesDir,
    ...overrides,
  };
}

function launch(overrides: Partial<ContainerLaunch>): LaunchedContainer {
  const container = launchContainer(containerLaunch(overrides));
  launched.push(container);
  return container;
}

async function launchWhoami(hostAddress: string, overrides: Partial<ContainerLaunch> = {}) {
  const port = await freePort();
  const container = launch({
    hostAddress,
    portBindings: [{ containerPort: 80, hostPort: port, protocol: 'tcp' }],
    ...overrides,
  });
  const url = `http://${hostAddress}:${port}/`;
  const reply = await waitFor(
    `whoami on ${url}`,
    () => httpGet(url),
    (r) => r.status === 200,
  );
  return { container, port, url, reply };
}

// A process that is gone, or a zombie nobody reaps yet, no longer runs anything.
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('whoami containers', () => {
  it('answer on their own host ports, each with its own container id', async () => {
    const first = await launchWhoami('127.0.0.21', { hostname: 'a1b2c3d4e5f6' });
    const second = await launchWhoami('127.0.0.22', { hostname: '0f1e2d3c4b5a' });
    expect(first.port).not.toBe(second.port);
    if (runningAsRoot()) {
      expect(whoamiHostname(first.reply.body)).toBe('a1b2c3d4e5f6');
      expect(whoamiHostname(second.reply.body)).toBe('0f1e2d3c4b5a');
    } else {
      expect(first.reply.body).toMatch(/^Name: a1b2c3d4e5f6$/m);
      expect(second.reply.body).toMatch(/^Name: 0f1e2d3c4b5a$/m);
    }
    expect(first.reply.body).toMatch(/^GET \/ HTTP\/1\.1$/m);
    expect(first.reply.body).toMatch(new RegExp(`^Host: 127\\.0\\.0\\.21:${first.port}$`, 'm'));
    const api = await getJson<{ hostname: string; method: string; host: string }>(
      `${second.url}api`,
    );
    expect(api).toMatchObject({ method: 'GET', host: `127.0.0.22:${second.port}` });
  });

  it('stop() ends the process gracefully and leaves nothing behind', async () => {
    const { container, port } = await launchWhoami('127.0.0.21');
    expect(isRunning(container.pid)).toBe(true);
    const exit = await container.stop(10);
    expect(exit).toEqual({ exitCode: 0, signal: null });
    expect(existsSync(`/proc/${container.pid}`)).toBe(false);
    expect(await isTcpPortFree('0.0.0.0', port)).toBe(true);
    expect(await container.stop(10)).toEqual(exit);
  });

  it('reports a process killed from outside with a non-zero exit code', async () => {
    const { container } = await launchWhoami('127.0.0.22');
    process.kill(container.pid, 'SIGKILL');
    expect(await container.exited).toEqual({ exitCode: 137, signal: 'SIGKILL' });
  });

  it('reports the exit code of a process that ends on its own', async () => {
    const { port } = await launchWhoami('127.0.0.21');
    // whoami listens on every interface, so a second one on the same port fails to start.
    const clash = launch({
      hostAddress: '127.0.0.22',
      portBindings: [{ containerPort: 80, hostPort: port, protocol: 'tcp' }],
    });
    const exit = await clash.exited;
    expect(exit.signal).toBeNull();
    expect(exit.exitCode).toBe(1);
  });

  it('dies with the lab process that launched it, even when that one is SIGKILLed', async () => {
    const port = await freePort();
    const launchJson = JSON.stringify(
      containerLaunch({
        hostAddress: '127.0.0.22',
        portBindings: [{ containerPort: 80, hostPort: port, protocol: 'tcp' }],
      }),
    );
    const script = path.join(workDir, 'parent.ts');
    writeFileSync(
      script,
      [
        `import { launchContainer } from ${JSON.stringify(path.join(root, 'lab/runtime/launch.ts'))};`,
        `const container = launchContainer(${launchJson});`,
        'console.log(container.pid);',
        'setInterval(() => {}, 1000);',
      ].join('\n'),
    );
    const parent = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = await new Promise<number>((resolve, reject) => {
      parent.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      parent.once('exit', (code) => reject(new Error(`parent exited with ${code}`)));
    });
    await waitFor(
      'whoami',
      () => httpGet(`http://127.0.0.22:${port}/`),
      (r) => r.status === 200,
    );
    parent.kill('SIGKILL');
    // A Go program's main thread can turn zombie before its other threads have let go of its sockets.
    await waitFor(
      'the orphaned whoami to die and free its port',
      async () => !isRunning(pid) && (await isTcpPortFree('0.0.0.0', port)),
      (gone) => gone,
      { timeoutMs: 5000 },
    );
  });
});

describe('images the catalog cannot run', () => {
  it('refuses an image outside the catalog, naming what it has', () => {
    const attempt = () => launchContainer(containerLaunch({ image: 'nginx:latest' }));
    expect(attempt).toThrow(CannotPullContainerError);
    expect(attempt).toThrow(catalogDescription());
  });

  it('asks to wait for an image that is not built yet', () => {
    const attempt = () =>
      launchContainer(containerLaunch({ imagesDir: path.join(workDir, 'no-images') }));
    expect(attempt).toThrow(ImageNotReadyError);
  });
});

describe('Traefik', () => {
  it("runs the scenario's command bound to the instance address with its API mapped", async () => {
    const webPort = await freePort();
    const apiPort = await freePort();
    const container = launch({
      containerName: 'traefik',
      image: 'traefik:v3.6',
      hostAddress: '127.0.0.23',
      command: scenarioTraefikCommand,
      portBindings: [
        { containerPort: 80, hostPort: webPort, protocol: 'tcp' },
        { containerPort: 8080, hostPort: apiPort, protocol: 'tcp' },
      ],
    });
    const api = `http://127.0.0.23:${apiPort}/api`;
    const version = await waitFor(
      "Traefik's API",
      () => getJson<{ Version: string }>(`${api}/version`),
      () => true,
      { timeoutMs: 30_000 },
    );
    expect(version.Version).toBe('v3.6.12');
    const entryPoints = await getJson<{ name: string; address: string }[]>(`${api}/entrypoints`);
    expect(entryPoints).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'web', address: `127.0.0.23:${webPort}` }),
        expect.objectContaining({ name: 'traefik', address: `127.0.0.23:${apiPort}` }),
      ]),
    );
    // The web entry point is bound to the instance's address only.
    expect(await isTcpPortFree('127.0.0.24', webPort)).toBe(true);
    expect(await isTcpPortFree('127.0.0.23', webPort)).toBe(false);
    const exit = await container.stop(15);
    expect(exit.signal).toBeNull();
    expect(existsSync(`/proc/${container.pid}`)).toBe(false);
  });
});

describe('stale runtime records', () => {
  it('kills the recorded process groups still running and forgets every record', async () => {
    const dataDir = path.join(workDir, 'data');
    const orphan = spawn('sleep', ['300'], { detached: true, stdio: 'ignore' });
    const exited = new Promise((resolve) =>
      orphan.once('exit', (_code, signal) => resolve(signal)),
    );
    const pid = orphan.pid!;
    writeRuntimeRecord(dataDir, {
      taskId: hex(32),
      containerName: 'orphan',
      pid,
      pgid: pid,
      startTime: processStartTime(pid)!,
    });
    const bystander = spawn('sleep', ['300'], { detached: true, stdio: 'ignore' });
    const bystanderPid = bystander.pid!;
    // A record whose pid now belongs to another process (another start time) must not kill it.
    writeRuntimeRecord(dataDir, {
      taskId: hex(32),
      containerName: 'reused',
      pid: bystanderPid,
      pgid: bystanderPid,
      startTime: '1',
    });
    try {
      const reaped = reapStale(dataDir);
      expect(reaped.map((record) => record.pid)).toEqual([pid]);
      expect(await exited).toBe('SIGKILL');
      expect(isRunning(bystanderPid)).toBe(true);
      expect(reapStale(dataDir)).toEqual([]);
    } finally {
      bystander.kill('SIGKILL');
    }
  });

  it('records a launched container until it ends', async () => {
    const dataDir = path.join(workDir, 'records');
    const { container } = await launchWhoami('127.0.0.21', { dataDir, containerName: 'web' });
    const record = path.join(dataDir, 'runtime');
    const files = () => readdirSync(record).filter((file) => file.endsWith('.json'));
    expect(files()).toHaveLength(1);
    expect(JSON.parse(readFileSync(path.join(record, files()[0]!), 'utf8'))).toMatchObject({
      pid: container.pid,
      pgid: container.pid,
      containerName: 'web',
    });
    await container.stop(5);
    expect(files()).toEqual([]);
  });
});
