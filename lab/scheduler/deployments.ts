// How a replica service converges: tasks to place for its PRIMARY deployment and tasks to stop, under its deployment configuration.
import { chooseTasksToStop, type PlacementCandidate } from './placement';

export interface ServiceTask {
  id: string;
  taskArn: string;
  containerInstanceArn: string;
  /** The deployment that started it (ECS sets startedBy to the deployment id). */
  deploymentId?: string;
  running: boolean;
  startedAt?: number;
}

export interface RolloutInput {
  desiredCount: number;
  maximumPercent: number;
  minimumHealthyPercent: number;
  primaryId: string;
  /** The service's live tasks that should be running (desiredStatus RUNNING, not yet STOPPED). */
  tasks: readonly ServiceTask[];
  /** The cluster's instances, so tasks on unhealthy ones are stopped first on scale-in. */
  candidates?: readonly PlacementCandidate[];
}

export interface RolloutPlan {
  /** How many PRIMARY tasks to place now. */
  place: number;
  /** Task ids to stop: PRIMARY extras on scale-in, then older deployments' tasks. */
  stop: string[];
  /** PRIMARY has desiredCount tasks RUNNING and no older deployment has any. */
  steady: boolean;
}

export function planRollout(input: RolloutInput): RolloutPlan {
  const { desiredCount: desired, tasks } = input;
  const primary = tasks.filter((t) => t.deploymentId === input.primaryId);
  const older = tasks.filter((t) => t.deploymentId !== input.primaryId);
  const idOf = new Map(tasks.map((t) => [t.taskArn, t.id]));
  const pick = (from: readonly ServiceTask[], count: number) =>
    chooseTasksToStop(from, count, input.candidates).map((arn) => idOf.get(arn) as string);

  const extras = pick(primary, Math.max(0, primary.length - desired));
  const stopping = new Set(extras);
  let running = tasks.filter((t) => t.running && !stopping.has(t.id)).length;

  // Older tasks that never started do not count towards healthy capacity: stop them first.
  const olderPending = older.filter((t) => !t.running).map((t) => t.id);
  const minimumHealthy = Math.ceil((desired * input.minimumHealthyPercent) / 100);
  const olderRunning = older.filter((t) => t.running);
  const olderStops = pick(olderRunning, Math.max(0, running - minimumHealthy));
  running -= olderStops.length;
  const stop = [...extras, ...olderPending, ...olderStops];

  const maximum = Math.floor((desired * input.maximumPercent) / 100);
  const remaining = tasks.length - stop.length;
  const place = Math.max(
    0,
    Math.min(desired - (primary.length - extras.length), maximum - remaining),
  );
  const primaryRunning = primary.filter((t) => t.running).length;
  const steady =
    stop.length === 0 && place === 0 && older.length === 0 && primaryRunning === desired;
  return { place, stop, steady };
}
