'use client';
// Tasks: every running and recently stopped task, filtered by status and by a search over ids and names.
import Link from 'next/link';
import { useState } from 'react';
import type { ClusterSnapshot, TaskView } from '@/lib/schemas/snapshot';
import { SnapshotView } from '@/components/snapshot/snapshot-view';
import { EmptyState } from '@/components/ui/states';
import { TasksTable } from '@/components/tasks/tasks-table';

const filters = {
  all: () => true,
  running: (t: TaskView) => t.desiredStatus !== 'STOPPED',
  stopped: (t: TaskView) => t.desiredStatus === 'STOPPED',
} as const;
type Filter = keyof typeof filters;

function matches(task: TaskView, search: string): boolean {
  if (!search) return true;
  const needle = search.toLowerCase();
  return [
    task.arn,
    task.serviceName,
    task.containerInstanceId,
    task.taskDefinitionArn,
    task.lastStatus,
  ].some((field) => field?.toLowerCase().includes(needle));
}

export function TasksClient({
  cluster,
  initial,
}: {
  cluster: string;
  initial: ClusterSnapshot | undefined;
}) {
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  return (
    <SnapshotView cluster={cluster} initial={initial}>
      {(snapshot) => {
        const found = snapshot.tasks.filter((t) => matches(t, search.trim()));
        const tasks = found.filter(filters[filter]);
        return (
          <div className="space-y-3">
            <div className="flex flex-wrap items-center gap-3">
              <div role="group" aria-label="Filter tasks by status" className="flex gap-1">
                {(Object.keys(filters) as Filter[]).map((f) => (
                  <button
                    key={f}
                    type="button"
                    aria-pressed={filter === f}
                    onClick={() => setFilter(f)}
                    className="btn btn-sm aria-pressed:bg-zinc-200 dark:aria-pressed:bg-zinc-700"
                  >
                    {f} ({found.filter(filters[f]).length})
                  </button>
                ))}
              </div>
              <input
                type="search"
                aria-label="Search tasks"
                placeholder="Search by task id, service, instance…"
                className="input w-72"
                value={search}
                onChange={(event) => setSearch(event.target.value)}
              />
            </div>
            <div className="card overflow-hidden">
              {tasks.length === 0 ? (
                <EmptyState
                  title={
                    snapshot.tasks.length === 0
                      ? 'No tasks in this cluster'
                      : `No ${filter === 'all' ? '' : `${filter} `}tasks match`
                  }
                >
                  {snapshot.tasks.length === 0 ? (
                    <>
                      Tasks come from services: deploy one on the{' '}
                      <Link className="underline" href="/services">
                        Services
                      </Link>{' '}
                      page.
                    </>
                  ) : (
                    'Clear the search or pick another status.'
                  )}
                </EmptyState>
              ) : (
                <TasksTable cluster={cluster} tasks={tasks} />
              )}
            </div>
          </div>
        );
      }}
    </SnapshotView>
  );
}
