'use client';
// Runs a server action: toast with its result and CLI equivalent, errors in plain words with the ECS error name,
// then refreshes the cluster's queries so the change shows as it converges.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ActionResult } from '@/lib/schemas/actions';
import { queryKeys } from '@/lib/queries/keys';
import { useToast } from '@/components/ui/toast';
import { withCode } from '@/lib/format/error-text';

export function useConsoleAction<I, T>(
  cluster: string,
  action: (input: I) => Promise<ActionResult<T>>,
  describe: { success: (data: T) => string; failure: string },
) {
  const client = useQueryClient();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  const [lastError, setLastError] = useState<{ message: string; field?: string } | null>(null);

  async function run(input: I): Promise<ActionResult<T> | null> {
    setPending(true);
    setLastError(null);
    try {
      const result = await action(input);
      if (result.ok) {
        toast({ kind: 'success', title: describe.success(result.data), cli: result.cli });
      } else {
        setLastError(result.error);
        toast({
          kind: 'error',
          title: describe.failure,
          message: withCode(result.error.message, result.error.code),
        });
      }
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setLastError({ message });
      toast({
        kind: 'error',
        title: describe.failure,
        message: `The console could not run it: ${message}`,
      });
      return null;
    } finally {
      setPending(false);
      await client.invalidateQueries({ queryKey: queryKeys.cluster(cluster) });
    }
  }

  return { run, pending, lastError };
}
