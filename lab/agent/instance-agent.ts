// One external instance's agent: starts and stops its tasks' processes and reports each lifecycle step.
import { randomHex } from '../store/ids';
import type {
  ContainerDefinition,
  ContainerInstanceRecord,
  TaskDefinitionRecord,
  TaskRecord,
} from '../store/model';
import type { ContainerCredentials, ContainerExit } from '../runtime/container';
import {
  CannotPullContainerError,
  ImageNotReadyError,
  launchContainer,
  type LaunchedContainer,
} from '../runtime/launch';
import { containerLaunch, stopTimeoutOf, type AgentRuntimeConfig } from './container-launch';
import {
  markActivating,
  markDeactivating,
  markDeprovisioning,
  markEssentialExited,
  markFailedToStart,
  markLost,
  markPending,
  markPullStarted,
  markRunning,
  markStopped,
  markStopping,
  recordExits,
  type StartedContainer,
} from './task-transitions';

interface HeldContainer {
  name: string;
  runtimeId: string;
  essential: boolean;
  stopTimeoutS: number;
  launched: LaunchedContainer;
  hostPorts: number[];
  exit?: ContainerExit;
  /** The exit is in the store already (a non-essential container that ended). */
  reported: boolean;
  stopRequested: boolean;
}

interface HeldTask {
  taskArn: string;
  containers: HeldContainer[];
}

export interface TaskUpdate {
  clusterName: string;
  taskId: string;
  apply: (task: TaskRecord, now: number) => void;
}

export interface LiveProcess {
  taskArn: string;
  container: string;
  pid: number;
  hostPorts: number[];
  containerInstanceArn: string;
}

export interface AgentStepContext {
  clusterName: string;
  /** Undefined when the instance is gone from the state (a reset): everything held is killed. */
  instance: ContainerInstanceRecord | undefined;
  address: string;
  config: AgentRuntimeConfig;
  definitionOf(task: TaskRecord): TaskDefinitionRecord | undefined;
  /** The image is in the catalog but not built yet (checked once per step for all tasks). */
  imageBuilding(image: string): boolean;
  credentialsFor(task: TaskRecord, definition: TaskDefinitionRecord): ContainerCredentials;
}

type LaunchResult =
  | { kind: 'started'; containers: HeldContainer[] }
  | { kind: 'waiting' }
  | { kind: 'failed'; reason: string };

export class InstanceAgent {
  private readonly held = new Map<string, HeldTask>();

  constructor(
    readonly containerInstanceArn: string,
    /** Called when something happens outside a step (a process exits): asks for another step soon. */
    private readonly wake: () => void,
  ) {}

  holds(taskId: string): boolean {
    return this.held.has(taskId);
  }

  get holdsAny(): boolean {
    return this.held.size > 0;
  }

  heldTaskIds(): string[] {
    return [...this.held.keys()];
  }

  processes(): LiveProcess[] {
    return [...this.held.values()].flatMap((task) =>
      task.containers
        .filter((c) => !c.exit)
        .map((c) => ({
          taskArn: task.taskArn,
          container: c.name,
          pid: c.launched.pid,
          hostPorts: c.hostPorts,
          containerInstanceArn: this.containerInstanceArn,
        })),
    );
  }

  /** SIGKILL to every process group it holds, synchronously (the lab is exiting or the task vanished). */
  kill(taskId?: string): void {
    for (const [id, task] of this.held) {
      if (taskId !== undefined && id !== taskId) continue;
      for (const container of task.containers) {
        if (container.exit) continue;
        try {
          process.kill(-container.launched.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      this.held.delete(id);
    }
  }

  /** One pass over the instance's tasks (from one state snapshot): the updates to commit together. */
  step(tasks: readonly TaskRecord[], context: AgentStepContext): TaskUpdate[] {
    const { instance } = context;
    if (!instance) {
      this.kill();
      return [];
    }
    // A disconnected agent does nothing; a deregistered instance's agent still stops what it runs.
    if (!instance.agentConnected && instance.status !== 'INACTIVE') return [];
    const updates: TaskUpdate[] = [];
    for (const task of tasks) {
      const apply = this.stepTask(task, context);
      if (apply) updates.push({ clusterName: context.clusterName, taskId: task.id, apply });
    }
    return updates;
  }

  private stepTask(task: TaskRecord, context: AgentStepContext): TaskUpdate['apply'] | undefined {
    const held = this.held.get(task.id);
    if (task.lastStatus === 'STOPPED') {
      if (held) this.kill(task.id);
      return undefined;
    }
    if (task.desiredStatus === 'RUNNING') return this.stepRunning(task, held, context);
    return this.stepStopping(task, held);
  }

  private stepRunning(
    task: TaskRecord,
    held: HeldTask | undefined,
    context: AgentStepContext,
  ): TaskUpdate['apply'] | undefined {
    if (held) {
      const ended = held.containers.filter((c) => c.exit && !c.reported);
      if (ended.length > 0) {
        const exits = exitMap(ended);
        for (const container of ended) container.reported = true;
        if (ended.some((c) => c.essential)) {
          return (draft, now) => markEssentialExited(draft, exits, now);
        }
        return (draft) => recordExits(draft, exits);
      }
    }
    switch (task.lastStatus) {
      case 'PROVISIONING':
        return (draft, now) => markPending(draft, now);
      case 'PENDING':
        return this.launch(task, context);
      case 'ACTIVATING':
        return held
          ? (draft, now) => markRunning(draft, now)
          : (draft, now) => markLost(draft, now);
      case 'RUNNING':
        return held ? undefined : (draft, now) => markLost(draft, now);
      default:
        return undefined;
    }
  }

  private stepStopping(task: TaskRecord, held: HeldTask | undefined) {
    switch (task.lastStatus) {
      case 'PROVISIONING':
      case 'PENDING':
        this.kill(task.id);
        return (draft: TaskRecord, now: number) => markStopped(draft, now);
      case 'ACTIVATING':
      case 'RUNNING':
        return (draft: TaskRecord) => markDeactivating(draft);
      case 'DEACTIVATING':
        this.requestStops(held);
        return (draft: TaskRecord) => markStopping(draft);
      case 'STOPPING': {
        this.requestStops(held);
        if (held && held.containers.some((c) => !c.exit)) return undefined;
        const exits = exitMap(held?.containers ?? []);
        this.held.delete(task.id);
        return (draft: TaskRecord, now: number) => markDeprovisioning(draft, exits, now);
      }
      case 'DEPROVISIONING':
        return (draft: TaskRecord, now: number) => markStopped(draft, now);
      default:
        return undefined;
    }
  }

  private requestStops(held: HeldTask | undefined): void {
    for (const container of held?.containers ?? []) {
      if (container.exit || container.stopRequested) continue;
      container.stopRequested = true;
      void container.launched.stop(container.stopTimeoutS);
    }
  }

  private launch(task: TaskRecord, context: AgentStepContext): TaskUpdate['apply'] | undefined {
    const definition = context.definitionOf(task);
    if (!definition) {
      const reason = `Unable to find task definition ${task.taskDefinitionArn}`;
      return (draft, now) => markFailedToStart(draft, reason, now);
    }
    const building = definition.containerDefinitions.some((c) => context.imageBuilding(c.image));
    const result = building
      ? ({ kind: 'waiting' } as const)
      : this.launchContainers(task, definition, context);
    if (result.kind === 'waiting') {
      return task.pullStartedAt === undefined
        ? (draft, now) => markPullStarted(draft, now)
        : undefined;
    }
    if (result.kind === 'failed') {
      const reason = result.reason;
      return (draft, now) => markFailedToStart(draft, reason, now);
    }
    this.held.set(task.id, { taskArn: task.taskArn, containers: result.containers });
    for (const container of result.containers) {
      void container.launched.exited.then((exit) => {
        container.exit = exit;
        this.wake();
      });
    }
    const started: StartedContainer[] = result.containers.map((c) => ({
      name: c.name,
      runtimeId: c.runtimeId,
      hostPorts: c.hostPorts,
    }));
    return (draft, now) => markActivating(draft, started, now);
  }

  private launchContainers(
    task: TaskRecord,
    definition: TaskDefinitionRecord,
    context: AgentStepContext,
  ): LaunchResult {
    const containers: HeldContainer[] = [];
    const abandon = () => containers.forEach((c) => void c.launched.stop(0));
    try {
      const credentials = context.credentialsFor(task, definition);
      for (const containerDefinition of definition.containerDefinitions) {
        containers.push(this.launchOne(task, containerDefinition, credentials, context));
      }
      return { kind: 'started', containers };
    } catch (error) {
      abandon();
      if (error instanceof ImageNotReadyError) return { kind: 'waiting' };
      if (error instanceof CannotPullContainerError)
        return { kind: 'failed', reason: error.message };
      return {
        kind: 'failed',
        reason: `CannotStartContainerError: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }

  private launchOne(
    task: TaskRecord,
    definition: ContainerDefinition,
    credentials: ContainerCredentials,
    context: AgentStepContext,
  ): HeldContainer {
    // Like Docker: a 64-hex container id, whose first 12 characters are the container's hostname.
    const runtimeId = randomHex(64);
    const launch = containerLaunch({
      task,
      definition,
      hostAddress: context.address,
      hostname: runtimeId.slice(0, 12),
      credentials,
      config: context.config,
    });
    const launched = launchContainer(launch);
    return {
      name: definition.name,
      runtimeId,
      essential: definition.essential !== false,
      stopTimeoutS: stopTimeoutOf(definition),
      launched,
      hostPorts: launch.portBindings.map((b) => b.hostPort),
      reported: false,
      stopRequested: false,
    };
  }
}

function exitMap(containers: readonly HeldContainer[]): Map<string, ContainerExit> {
  return new Map(
    containers.flatMap((c) => (c.exit ? [[c.name, c.exit] as [string, ContainerExit]] : [])),
  );
}
