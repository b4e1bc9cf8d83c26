'use client';
// One traffic run from the browser: start (POST), watch (EventSource, no reconnect), stop (DELETE), and its merged timeline.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  invalidInputBodySchema,
  trafficEndSchema,
  trafficUpdateSchema,
  type TimelinePoint,
  type TrafficEnd,
  type TrafficRunInput,
  type TrafficUpdate,
} from '@/lib/schemas/traffic';
import { useToast } from '@/components/ui/toast';

export type RunPhase = 'idle' | 'starting' | 'running' | 'stopping' | 'ended';

export interface TrafficRunState {
  phase: RunPhase;
  update: TrafficUpdate | null;
  /** Every second of the run so far (updates carry only the recent ones). */
  timeline: TimelinePoint[];
  end: TrafficEnd | null;
  error: string | null;
  fieldErrors: Record<string, string>;
}

const initial: TrafficRunState = {
  phase: 'idle',
  update: null,
  timeline: [],
  end: null,
  error: null,
  fieldErrors: {},
};

async function errorOf(
  response: Response,
): Promise<Pick<TrafficRunState, 'error' | 'fieldErrors'>> {
  const body = invalidInputBodySchema.safeParse(await response.json().catch(() => null));
  if (!body.success) return { error: `The console answered ${response.status}.`, fieldErrors: {} };
  return { error: body.data.error.message, fieldErrors: body.data.fields ?? {} };
}

export function useTrafficRun() {
  const [state, setState] = useState<TrafficRunState>(initial);
  const toast = useToast();
  const source = useRef<EventSource | null>(null);
  const seconds = useRef(new Map<number, TimelinePoint>());

  const close = useCallback(() => {
    source.current?.close();
    source.current = null;
  }, []);
  useEffect(() => close, [close]);

  const watch = useCallback(() => {
    const events = new EventSource('/api/traffic/runs/current/events');
    source.current = events;
    events.addEventListener('update', (event) => {
      const parsed = trafficUpdateSchema.safeParse(
        JSON.parse((event as MessageEvent<string>).data),
      );
      if (!parsed.success) return;
      for (const point of parsed.data.timeline) seconds.current.set(point.t, point);
      const timeline = [...seconds.current.values()].sort((a, b) => a.t - b.t);
      setState((s) => ({
        ...s,
        phase: s.phase === 'stopping' ? 'stopping' : 'running',
        update: parsed.data,
        timeline,
      }));
    });
    events.addEventListener('end', (event) => {
      const parsed = trafficEndSchema.safeParse(JSON.parse((event as MessageEvent<string>).data));
      close();
      setState((s) => ({
        ...s,
        phase: 'ended',
        end: parsed.success ? parsed.data : { reason: 'failed', message: 'Run ended.' },
      }));
    });
    // No reconnect: the server ends a run whose stream drops, so say so instead of retrying.
    events.onerror = () => {
      if (source.current !== events) return;
      close();
      setState((s) => ({
        ...s,
        phase: 'ended',
        end: s.end ?? {
          reason: 'disconnected',
          message: 'Run ended: the connection to the console was lost.',
        },
      }));
    };
  }, [close]);

  const start = useCallback(
    async (input: TrafficRunInput) => {
      close();
      seconds.current = new Map();
      setState({ ...initial, phase: 'starting' });
      try {
        const response = await fetch('/api/traffic/runs', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        if (!response.ok) {
          const failure = await errorOf(response);
          setState({ ...initial, ...failure });
          toast({
            kind: 'error',
            title: 'Could not start the traffic run',
            message: failure.error ?? undefined,
          });
          return;
        }
        watch();
        toast({ kind: 'success', title: `Traffic run started: ${input.rate} req/s` });
      } catch (error) {
        const message = `Could not reach the console: ${String(error)}`;
        setState({ ...initial, error: message });
        toast({ kind: 'error', title: 'Could not start the traffic run', message });
      }
    },
    [close, watch, toast],
  );

  const stop = useCallback(async () => {
    setState((s) => ({ ...s, phase: 'stopping' }));
    const response = await fetch('/api/traffic/runs/current', { method: 'DELETE' }).catch(
      () => null,
    );
    // Without a run on the server, there is no end event to wait for.
    if (response?.status === 404) {
      close();
      setState((s) => ({
        ...s,
        phase: 'ended',
        end: s.end ?? { reason: 'stopped', message: 'Run stopped.' },
      }));
    }
    if (response?.ok || response?.status === 404) {
      toast({ kind: 'success', title: 'Traffic run stopped' });
    } else {
      toast({
        kind: 'error',
        title: 'Could not stop the traffic run',
        message: response
          ? `The console answered ${response.status}.`
          : 'The console did not answer.',
      });
    }
  }, [close, toast]);

  return { state, start, stop };
}
