'use client';
// Stops a task after a confirmation dialog; a service's scheduler then replaces it.
import { useState } from 'react';
import { stopTask } from '@/server/actions/stop-task';
import type { TaskView } from '@/lib/schemas/snapshot';
import { useConsoleAction } from '@/components/actions/use-console-action';
import { ProgressLabel } from '@/components/actions/progress-label';
import { Dialog } from '@/components/ui/dialog';

/** The Stop button alone: a table renders one per row and one shared StopTaskDialog. */
export function StopButton({ task, onClick }: { task: TaskView; onClick: () => void }) {
  if (task.desiredStatus === 'STOPPED') return null;
  return (
    <button
      type="button"
      className="btn btn-sm"
      onClick={onClick}
      aria-label={`Stop task ${task.id}`}
    >
      Stop
    </button>
  );
}

/** The confirmation for `task`, open while it is set. */
export function StopTaskDialog({
  cluster,
  task,
  onClose,
}: {
  cluster: string;
  task: TaskView | null;
  onClose: () => void;
}) {
  const short = task?.id.slice(0, 8) ?? '';
  const stop = useConsoleAction(cluster, stopTask, {
    success: () => `Stopping task ${short}`,
    failure: `Could not stop task ${short}`,
  });
  return (
    <Dialog open={task !== null} onClose={onClose} title={`Stop task ${short}?`}>
      <p className="text-sm">
        {task?.serviceName
          ? `Service ${task.serviceName} will start a replacement to keep its desired count.`
          : 'This task belongs to no service, so nothing will replace it.'}
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-danger"
          disabled={stop.pending}
          aria-busy={stop.pending || undefined}
          onClick={async () => {
            if (!task) return;
            await stop.run({ taskArn: task.arn, reason: 'Stopped from Anywhere Console' });
            onClose();
          }}
        >
          <ProgressLabel pending={stop.pending} label="Stop task" pendingLabel="Stopping…" />
        </button>
      </div>
    </Dialog>
  );
}

export function StopTaskButton({ cluster, task }: { cluster: string; task: TaskView }) {
  const [open, setOpen] = useState(false);
  if (task.desiredStatus === 'STOPPED') return null;
  return (
    <>
      <StopButton task={task} onClick={() => setOpen(true)} />
      <StopTaskDialog cluster={cluster} task={open ? task : null} onClose={() => setOpen(false)} />
    </>
  );
}
