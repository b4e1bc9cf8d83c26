'use client';
// Step 6's body: the Services page's clean-up form (scale to 0, delete, deregister; typed confirmation for more).
import { CleanUpPanel } from '@/components/services/clean-up-panel';

export function CleanUpStep({ cluster, onRun }: { cluster: string; onRun: () => void }) {
  return (
    // The panel's own submit bubbles here: keep the step open to show its per-step results.
    <div className="space-y-2" onSubmitCapture={onRun}>
      <p className="text-sm text-muted">
        The defaults remove the two services and their task definitions and keep the instances and
        the cluster, so you can run the walkthrough again. Type the cluster name to remove those
        too.
      </p>
      <CleanUpPanel cluster={cluster} />
    </div>
  );
}
