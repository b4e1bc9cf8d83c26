'use client';
// Task definitions: families and their revisions, and the JSON of the one picked.
import { useState } from 'react';
import { useTaskDefinition, useTaskDefinitionFamilies } from '@/lib/queries/task-definitions';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/states';

function Json({ cluster, arn }: { cluster: string; arn: string }) {
  const query = useTaskDefinition(cluster, arn);
  if (query.isPending) return <Skeleton rows={10} label="Loading the task definition" />;
  if (query.isError)
    return (
      <ErrorState
        title="Could not describe the task definition"
        error={query.error}
        onRetry={() => query.refetch()}
      />
    );
  const text = JSON.stringify(query.data.taskDefinition, null, 2);
  return (
    <div className="p-3">
      <div className="mb-2 flex justify-end">
        <CopyButton text={text} label="Copy JSON" />
      </div>
      <pre
        className="code-block max-h-[65vh] p-3"
        data-testid="task-definition-json"
        tabIndex={0}
        aria-label="Task definition JSON"
      >
        {text}
      </pre>
    </div>
  );
}

export function TaskDefinitionsClient({ cluster }: { cluster: string }) {
  const [selected, setSelected] = useState<string | null>(null);
  const query = useTaskDefinitionFamilies(cluster);
  if (query.isPending) return <Skeleton rows={6} label="Loading task definitions" />;
  if (query.isError)
    return (
      <ErrorState
        title="Could not list task definitions"
        error={query.error}
        onRetry={() => query.refetch()}
      />
    );
  const { families } = query.data;
  if (families.length === 0) {
    return (
      <div className="card">
        <EmptyState title="No active task definitions">
          Deploying a service on the Services page registers one.
        </EmptyState>
      </div>
    );
  }
  const current = selected ?? families[0]?.revisions[0]?.arn ?? null;
  return (
    <div className="grid gap-4 lg:grid-cols-[18rem_1fr]">
      <nav aria-label="Task definition revisions" className="card p-2 text-sm">
        {families.map((f) => (
          <div key={f.family} className="mb-2">
            <p className="px-2 py-1 font-semibold">{f.family}</p>
            <ul>
              {f.revisions.map((r) => (
                <li key={r.arn}>
                  <button
                    type="button"
                    aria-pressed={current === r.arn}
                    onClick={() => setSelected(r.arn)}
                    className="w-full rounded px-3 py-1 text-left font-mono text-xs hover:bg-zinc-100 aria-pressed:bg-blue-100 aria-pressed:font-semibold dark:hover:bg-zinc-800 dark:aria-pressed:bg-blue-950"
                  >
                    {f.family}:{r.revision}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <section className="card" aria-label="Task definition JSON">
        {current ? <Json cluster={cluster} arn={current} /> : null}
      </section>
    </div>
  );
}
