'use client';
// A resource's tasks on its detail page: live ones first, recently stopped ones folded away below.
import type { ReactNode } from 'react';
import type { TaskView } from '@/lib/schemas/snapshot';
import { EmptyState } from '@/components/ui/states';
import { TasksTable } from '@/components/tasks/tasks-table';

export function TaskSections({
  cluster,
  tasks,
  title,
  headingId,
  empty,
}: {
  cluster: string;
  tasks: TaskView[];
  title: string;
  headingId: string;
  /** What to do when nothing runs here. */
  empty: ReactNode;
}) {
  const live = tasks.filter((t) => t.desiredStatus !== 'STOPPED' || t.lastStatus !== 'STOPPED');
  const stopped = tasks.filter((t) => !live.includes(t));
  return (
    <section className="card overflow-hidden" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {title} ({live.length})
      </h2>
      {live.length === 0 ? (
        <EmptyState title="No running tasks">{empty}</EmptyState>
      ) : (
        <TasksTable cluster={cluster} tasks={live} />
      )}
      {stopped.length > 0 ? (
        <details className="border-t border-zinc-200 dark:border-zinc-800">
          <summary className="cursor-pointer px-4 py-2 text-sm">
            Recently stopped ({stopped.length})
          </summary>
          <TasksTable cluster={cluster} tasks={stopped} />
        </details>
      ) : null}
    </section>
  );
}
