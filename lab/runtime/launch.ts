// Starts a task's container as a real process: the catalog's binary, its own process group and hostname, tied to the lab's life.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { catalogDescription, imageBinary, imageReady, resolveImage } from '@/lab/images/catalog';
import type { ContainerExit, ContainerLaunch } from './container';
import { runningAsRoot } from './ports';
import { processStartTime, removeRuntimeRecord, writeRuntimeRecord } from './records';
import { translateContainer } from './translate';

/** The image is not in the lab's catalog: the task stops the way ECS stops it when a pull fails. */
export class CannotPullContainerError extends Error {
  override name = 'CannotPullContainerError';
}

/** The image is in the catalog but its binary is not built yet: the task waits in PENDING, as during a pull. */
export class ImageNotReadyError extends Error {
  override name = 'ImageNotReadyError';
}

export interface LaunchedContainer {
  pid: number;
  /** Resolves when the process ends, whatever ended it. */
  exited: Promise<ContainerExit>;
  /** SIGTERM to the container's process group, SIGKILL after stopTimeoutSeconds; resolves with its exit. */
  stop(stopTimeoutSeconds: number): Promise<ContainerExit>;
}

let ownUtsSupported: boolean | undefined;

// Root may still lack CAP_SYS_ADMIN (e.g. in some containers): try once, and fall back to a shared hostname.
function canHaveOwnHostname(): boolean {
  if (!runningAsRoot()) return false;
  ownUtsSupported ??= spawnSync('unshare', ['--uts', 'true'], { stdio: 'ignore' }).status === 0;
  return ownUtsSupported;
}

// setpriv's parent-death signal survives the execs below (no set-uid binaries), so the one process dies with the lab.
function commandLine(binary: string, args: string[], hostname: string | undefined): string[] {
  const deathSignal = ['--pdeathsig', 'SIGKILL', '--'];
  if (hostname === undefined) return [...deathSignal, binary, ...args];
  const setHostname = 'hostname "$1" && shift && exec "$@"';
  return [
    ...deathSignal,
    'unshare',
    '--uts',
    '--',
    '/bin/sh',
    '-c',
    setHostname,
    'sh',
    hostname,
    binary,
    ...args,
  ];
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is already empty.
  }
}

export function launchContainer(launch: ContainerLaunch): LaunchedContainer {
  const kind = resolveImage(launch.image);
  if (!kind) {
    throw new CannotPullContainerError(
      `CannotPullContainerError: pull access denied for ${launch.image}, repository does not exist: ${catalogDescription()}`,
    );
  }
  if (!imageReady(launch.imagesDir, kind)) {
    throw new ImageNotReadyError(
      `image ${launch.image} is not built yet in ${launch.imagesDir} (npm run lab:images builds it)`,
    );
  }
  if (!/^[0-9a-f]{12}$/.test(launch.hostname)) {
    throw new Error(
      `container hostname must be 12 lowercase hex characters, got ${launch.hostname}`,
    );
  }
  const ownHostname = canHaveOwnHostname();
  const spec = translateContainer({ ...launch, kind, ownHostname, root: runningAsRoot() });
  const binary = imageBinary(launch.imagesDir, kind);

  mkdirSync(path.dirname(launch.logFile), { recursive: true });
  const header = [
    `[lab] ${launch.containerName}: ${launch.image} as ${binary} ${spec.args.join(' ')}`,
  ];
  appendFileSync(
    launch.logFile,
    [...header, ...spec.notes.map((n) => `[lab] ${n}`), ''].join('\n'),
  );
  const log = openSync(launch.logFile, 'a');
  const child = (() => {
    try {
      return spawn(
        'setpriv',
        commandLine(binary, spec.args, ownHostname ? launch.hostname : undefined),
        {
          detached: true,
          stdio: ['ignore', log, log],
          // Next's types make NODE_ENV required in ProcessEnv; a container's environment has none.
          env: spec.env as NodeJS.ProcessEnv,
          cwd: '/',
        },
      );
    } finally {
      closeSync(log);
    }
  })();
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error(`could not start ${launch.containerName}: setpriv (util-linux) is needed`);
  }

  const startTime = processStartTime(pid);
  if (launch.dataDir && startTime) {
    writeRuntimeRecord(launch.dataDir, {
      taskId: launch.taskId,
      containerName: launch.containerName,
      pid,
      pgid: pid,
      startTime,
    });
  }

  const exited = new Promise<ContainerExit>((resolve) => {
    child.once('exit', (code, signal) => {
      // Anything the container left in its group goes with it, as when Docker stops a container.
      killGroup(pid, 'SIGKILL');
      if (launch.dataDir) removeRuntimeRecord(launch.dataDir, launch.taskId, launch.containerName);
      if (spawnError) appendFileSync(launch.logFile, `[lab] ${spawnError.message}\n`);
      resolve({ exitCode: code ?? (signal ? 128 + constants.signals[signal] : null), signal });
    });
  });

  let ended = false;
  void exited.then(() => (ended = true));
  return {
    pid,
    exited,
    async stop(stopTimeoutSeconds) {
      if (ended) return exited;
      killGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), stopTimeoutSeconds * 1000);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
