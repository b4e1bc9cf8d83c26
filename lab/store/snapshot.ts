// Reads and atomically replaces the lab's JSON state snapshot (temp file, fsync, rename, fsync dir).
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { LabState } from './model';

const SNAPSHOT = 'state.json';

// A shallow check: the file is ours and of this version; records are written only by the lab itself.
const snapshotSchema = z.looseObject({
  version: z.literal(1),
  clusters: z.record(z.string(), z.looseObject({ clusterArn: z.string() })),
  taskDefinitions: z.record(z.string(), z.array(z.looseObject({ taskDefinitionArn: z.string() }))),
  managedInstances: z.record(z.string(), z.looseObject({ instanceId: z.string() })),
  activations: z.record(z.string(), z.looseObject({ activationId: z.string() })),
  tags: z.record(z.string(), z.array(z.object({ key: z.string(), value: z.string() }))),
});

export function snapshotPath(dataDir: string): string {
  return path.join(dataDir, SNAPSHOT);
}

export function readSnapshot(dataDir: string): LabState | undefined {
  const file = snapshotPath(dataDir);
  if (!existsSync(file)) return undefined;
  const parsed = snapshotSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file} is not a lab state snapshot: ${parsed.error.message}`);
  return parsed.data as unknown as LabState;
}

export function writeSnapshot(dataDir: string, state: LabState): void {
  mkdirSync(dataDir, { recursive: true });
  const file = snapshotPath(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, JSON.stringify(state));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  const dir = openSync(dataDir, 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}
