// The built console for one benchmark: a private copy of .next started against a lab, signed in, with its RSS.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildIsFresh, ensureBuild, startConsole } from '@/scripts/console-process';

export interface BenchConsole {
  url: string;
  pid: number;
  token: string;
  /** The session cookie (`name=value`) from the one-click sign-in. */
  cookie: string;
  /** Resident memory of the server's whole process group, in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..', '..');
// The lock every build and browser run on this machine takes, so no build replaces .next under a running server.
const BUILD_LOCK = '/tmp/next-build.lock';

/** Copies .next (less its cache) into `dir`, under the build lock or not; false when a build changed it meanwhile. */
function copyBuild(dir: string, lock: boolean): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const before = existsSync(buildId) ? statSync(buildId).mtimeMs : null;
  rmSync(path.join(dir, '.next'), { recursive: true, force: true });
  // Everything but the build cache, which only `next build` reads.
  const copy = [
    'sh',
    '-c',
    'mkdir "$2/.next" && tar -C "$1/.next" --exclude=./cache -cf - . | tar -C "$2/.next" -xf -',
    'sh',
    root,
    dir,
  ];
  const [command, ...args] = lock ? ['flock', BUILD_LOCK, ...copy] : copy;
  const result = spawnSync(command!, args);
  // A build empties .next first: the same BUILD_ID before and after means the copy is one whole build.
  const after = existsSync(buildId) ? statSync(buildId).mtimeMs : null;
  return (
    result.status === 0 &&
    before !== null &&
    before === after &&
    existsSync(path.join(dir, '.next', 'BUILD_ID'))
  );
}

/**
 * Copies the built console into a private project directory, so a long benchmark runs on its own build while
 * others rebuild the shared one. Builds first (under the build lock) when sources are newer, unless
 * BENCH_REUSE_BUILD=1 asks to benchmark the existing build as it is (while others keep editing sources).
 */
function privateBuild(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-console-'));
  for (const entry of ['node_modules', 'public', 'package.json', 'next.config.js']) {
    symlinkSync(path.join(root, entry), path.join(dir, entry));
  }
  // A fresh build is copied without the lock: the caller may hold it already (flock would then wait forever).
  const reuse = process.env.BENCH_REUSE_BUILD === '1' || buildIsFresh();
  if (reuse && copyBuild(dir, false)) return dir;
  for (let attempt = 1; attempt <= 3; attempt++) {
    ensureBuild({ lock: BUILD_LOCK });
    if (copyBuild(dir, true)) return dir;
  }
  throw new Error('bench: .next kept changing under the copy (a build without the lock?)');
}

/** RSS in MiB summed over every process whose process group is `pgid`. */
export function groupRssMiB(pgid: number): number {
  let kib = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 5 of /proc/<pid>/stat is the process group; the command name before it may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      kib += Number(match?.[1] ?? 0);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return kib / 1024;
}

/** Starts the built console on `cluster` of the lab at `labEndpoint` and signs in through /signin?token=. */
export async function startBenchConsole(
  labEndpoint: string,
  cluster: string,
): Promise<BenchConsole> {
  const dir = privateBuild();
  const token = randomBytes(24).toString('hex');
  const app = await startConsole(labEndpoint, token, { dir, env: { ECS_CLUSTER: cluster } });
  const stop = async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const response = await fetch(`${app.url}/signin?token=${token}`, { redirect: 'manual' });
    const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
    if (response.status !== 303 || !cookie) {
      throw new Error(`sign-in answered ${response.status} without a session cookie`);
    }
    return { url: app.url, pid: app.pid, token, cookie, rssMiB: () => groupRssMiB(app.pid), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
