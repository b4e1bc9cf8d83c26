// After a restart: kill what a previous lab left running, then stop every task whose processes died with it.
import { reapStale } from '../runtime/records';
import { nowEpoch } from '../store/ids';
import type { LabStore } from '../store/lab-store';
import { markLost } from './task-transitions';

export interface RestartReport {
  reapedProcesses: number;
  stoppedTasks: number;
}

/** Runs before the lab serves anything, so the scheduler only ever sees tasks it can replace. */
export function reconcileAfterRestart(store: LabStore, dataDir: string): RestartReport {
  const reapedProcesses = reapStale(dataDir).length;
  const orphaned = Object.values(store.state.clusters).some((cluster) =>
    Object.values(cluster.tasks).some((task) => task.lastStatus !== 'STOPPED'),
  );
  if (!orphaned) return { reapedProcesses, stoppedTasks: 0 };
  const stoppedTasks = store.mutate((draft) => {
    const now = nowEpoch();
    let count = 0;
    for (const cluster of Object.values(draft.clusters)) {
      for (const task of Object.values(cluster.tasks)) {
        if (task.lastStatus === 'STOPPED') continue;
        markLost(task, now);
        count += 1;
      }
    }
    return count;
  });
  return { reapedProcesses, stoppedTasks };
}
