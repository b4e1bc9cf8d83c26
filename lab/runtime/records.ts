// Records of running container processes under <dataDir>/runtime, so a later lab can kill what a crashed one left.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const runtimeRecord = z.object({
  taskId: z.string().min(1),
  containerName: z.string().min(1),
  pid: z.number().int().positive(),
  pgid: z.number().int().positive(),
  /** Field 22 of /proc/<pid>/stat: tells a reused pid from ours. */
  startTime: z.string().regex(/^\d+$/),
});

export type RuntimeRecord = z.infer<typeof runtimeRecord>;

function recordsDir(dataDir: string): string {
  return path.join(dataDir, 'runtime');
}

function recordFile(dataDir: string, taskId: string, containerName: string): string {
  return path.join(recordsDir(dataDir), `${taskId}-${containerName}.json`);
}

export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces; fields after it are plain.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // A zombie has exited and only waits for its parent to reap it: nothing is left to stop.
    return fields[0] === 'Z' ? undefined : fields[19];
  } catch {
    return undefined;
  }
}

export function writeRuntimeRecord(dataDir: string, record: RuntimeRecord): void {
  const file = recordFile(dataDir, record.taskId, record.containerName);
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(runtimeRecord.parse(record)));
  renameSync(temp, file);
}

export function removeRuntimeRecord(dataDir: string, taskId: string, containerName: string): void {
  rmSync(recordFile(dataDir, taskId, containerName), { force: true });
}

/** Kills the process groups of recorded containers that are still running, then forgets every record. */
export function reapStale(dataDir: string): RuntimeRecord[] {
  const dir = recordsDir(dataDir);
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.json'));
  } catch {
    return [];
  }
  const reaped: RuntimeRecord[] = [];
  for (const file of files) {
    const full = path.join(dir, file);
    let parsed: ReturnType<typeof runtimeRecord.safeParse>;
    try {
      parsed = runtimeRecord.safeParse(JSON.parse(readFileSync(full, 'utf8')));
    } catch {
      parsed = runtimeRecord.safeParse(undefined);
    }
    if (parsed.success && processStartTime(parsed.data.pid) === parsed.data.startTime) {
      try {
        process.kill(-parsed.data.pgid, 'SIGKILL');
        reaped.push(parsed.data);
      } catch {
        // Already gone between the check and the kill.
      }
    }
    rmSync(full, { force: true });
  }
  return reaped;
}
