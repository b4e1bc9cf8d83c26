'use client';
// Stops a task after a confirmation dialog; a service's scheduler then replaces it.
import { useState } from 'react';
import { stopTask } from '@/server/actions/stop-task';
import type { TaskView } from '@/lib/schemas/snapshot';
import { useConsoleAction } from '@/components/actions/use-console-action';
import { ProgressLabel } from '@/components/actions/progress-label';
import { Dialog } from '@/components/ui/dialog';

export function StopTaskButton({ cluster, task }: { cluster: string; task: TaskView }) {
  const [open, setOpen] = useState(false);
  const stop = useConsoleAction(cluster, stopTask, {
    success: () => `Stopping task ${task.id.slice(0, 8)}`,
    failure: `Could not stop task ${task.id.slice(0, 8)}`,
  });
  if (task.desiredStatus === 'STOPPED') return null;
  return (
    <>
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => setOpen(true)}
        aria-label={`Stop task ${task.id}`}
      >
        Stop
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Stop task ${task.id.slice(0, 8)}?`}
      >
        <p className="text-sm">
          {task.serviceName
            ? `Service ${task.serviceName} will start a replacement to keep its desired count.`
            : 'This task belongs to no service, so nothing will replace it.'}
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" className="btn" onClick={() => setOpen(false)}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={stop.pending}
            aria-busy={stop.pending || undefined}
            onClick={async () => {
              await stop.run({ taskArn: task.arn, reason: 'Stopped from Anywhere Console' });
              setOpen(false);
            }}
          >
            <ProgressLabel pending={stop.pending} label="Stop task" pendingLabel="Stopping…" />
          </button>
        </div>
      </Dialog>
    </>
  );
}
