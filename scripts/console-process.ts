// Builds the console when its sources are newer than .next, and starts `next start` against a lab; shared by e2e and bench.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export interface RunningConsole {
  url: string;
  /** The `next start` process: its process group holds the whole server (RSS is summed over it). */
  pid: number;
  /** Everything the server printed so far, stdout and stderr. */
  log(): string;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const sources = [
  'app',
  'components',
  'lib',
  'server',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'package-lock.json',
];

function newestMtime(entry: string): number {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(full).map((name) => newestMtime(path.join(entry, name))),
  );
}

/** Whether .next holds a finished build newer than every source. */
export function buildIsFresh(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  return existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...sources.map(newestMtime));
}

/** Runs `next build` unless the build is fresh; with `lock`, the build holds that flock(1) file. */
export function ensureBuild({ lock }: { lock?: string } = {}): void {
  if (buildIsFresh()) return;
  const build = [process.execPath, nextBin, 'build'];
  const [command, ...args] = lock ? ['flock', lock, ...build] : build;
  const result = spawnSync(command!, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('next build failed');
}

/** A port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ConsoleOptions {
  /** Where the built console is (default: this repository). */
  dir?: string;
  /** Environment overrides, applied last. */
  env?: Record<string, string>;
}

/** Starts the console built in `dir` on a free port against the lab at `labEndpoint`, signed in with `token`. */
export async function startConsole(
  labEndpoint: string,
  token: string,
  { dir = root, env = {} }: ConsoleOptions = {},
): Promise<RunningConsole> {
  const port = await freePort();
  const args = [nextBin, 'start', dir, '-p', String(port), '-H', '127.0.0.1'];
  const server = spawn(process.execPath, args, {
    cwd: dir,
    env: {
      ...process.env,
      LAB_ENDPOINT: labEndpoint,
      LAB_ACCESS_KEY_ID: 'lab',
      LAB_SECRET_ACCESS_KEY: 'lab',
      LAB_REGION: 'us-east-1',
      CONSOLE_TOKEN: token,
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it stops every process the server started.
    detached: true,
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const stop = async () => {
    if (server.pid && server.exitCode === null && server.signalCode === null) {
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
  };
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`console did not start:\n${output}`)),
        60_000,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Ready in/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      server.stdout!.on('data', onData);
      server.stderr!.on('data', onData);
      server.once('exit', (code) => reject(new Error(`console exited (${code}):\n${output}`)));
    });
    // "Ready" comes before the configuration check; a page that answers means the check passed.
    const url = `http://127.0.0.1:${port}`;
    const response = await fetch(`${url}/signin`);
    if (response.status !== 200) throw new Error(`console answered ${response.status}:\n${output}`);
    return { url, pid: server.pid!, log: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
