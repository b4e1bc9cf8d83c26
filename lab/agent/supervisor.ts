// Runs one agent per external instance: steps them on every state change and tick, and heartbeats for them.
import { findTaskDefinition } from '../ecs/resolve';
import { imageReady, resolveImage } from '../images/catalog';
import type { ContainerCredentials } from '../runtime/container';
import { nowEpoch } from '../store/ids';
import type { LabStore } from '../store/lab-store';
import type {
  ClusterRecord,
  ContainerInstanceRecord,
  LabState,
  TaskDefinitionRecord,
  TaskRecord,
} from '../store/model';
import type { AgentRuntimeConfig } from './container-launch';
import { InstanceAgent, type LiveProcess, type TaskUpdate } from './instance-agent';

const HEARTBEAT_MS = 5_000;
const TICK_MS = 1_000;
const DEBOUNCE_MS = 10;

export interface AgentSupervisor {
  readonly config: AgentRuntimeConfig;
  processes(): LiveProcess[];
  /** SIGKILLs every container process now; the agents stop. */
  close(): void;
}

interface Located {
  cluster: ClusterRecord;
  instance: ContainerInstanceRecord;
}

function instancesByArn(state: Readonly<LabState>): Map<string, Located> {
  const located = new Map<string, Located>();
  for (const cluster of Object.values(state.clusters)) {
    for (const instance of Object.values(cluster.containerInstances)) {
      located.set(instance.containerInstanceArn, { cluster, instance });
    }
  }
  return located;
}

/** Heartbeat: a connected agent pings SSM; a stopped one lets its instance show ConnectionLost. */
function heartbeat(store: LabStore): void {
  const state = store.state;
  const due = Object.values(state.clusters).some((cluster) =>
    Object.values(cluster.containerInstances).some(
      (i) => i.status !== 'INACTIVE' && state.managedInstances[i.ec2InstanceId],
    ),
  );
  if (!due) return;
  store.mutate((draft) => {
    const now = nowEpoch();
    for (const cluster of Object.values(draft.clusters)) {
      for (const instance of Object.values(cluster.containerInstances)) {
        const managed = draft.managedInstances[instance.ec2InstanceId];
        if (!managed || instance.status === 'INACTIVE') continue;
        managed.online = instance.agentConnected;
        if (instance.agentConnected) managed.lastPingAt = now;
      }
    }
  });
}

export function startAgents(store: LabStore, config: AgentRuntimeConfig): AgentSupervisor {
  const agents = new Map<string, InstanceAgent>();
  let scheduled: NodeJS.Timeout | undefined;
  let closed = false;

  const wake = () => {
    if (closed) return;
    scheduled ??= setTimeout(tick, DEBOUNCE_MS);
  };

  // As ECS does: a task role gets a credentials endpoint; without one, the lab's keys stand in for the instance role.
  const credentialsFor = (
    clusterName: string,
    task: TaskRecord,
    definition: TaskDefinitionRecord,
  ): ContainerCredentials => {
    if (!definition.taskRoleArn) {
      return { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey };
    }
    const issued =
      store.findTaskCredentials(task.id) ?? store.issueTaskCredentials(clusterName, task.id);
    if (!issued) throw new Error(`no credentials for task ${task.id}`);
    return {
      fullUri: `${config.labEndpoint}/_lab/task-credentials/${task.id}`,
      authorizationToken: issued.authorization,
    };
  };

  function tick(): void {
    scheduled = undefined;
    if (closed) return;
    const state = store.state;
    const held = new Set([...agents.values()].flatMap((a) => a.heldTaskIds()));
    const allTaskIds = new Set<string>();
    // Indexed once per tick: each agent then sees only its own instance's tasks.
    const byInstance = new Map<string, { clusterName: string; tasks: TaskRecord[] }>();
    for (const cluster of Object.values(state.clusters)) {
      for (const task of Object.values(cluster.tasks)) {
        allTaskIds.add(task.id);
        if (!task.containerInstanceArn || (task.lastStatus === 'STOPPED' && !held.has(task.id)))
          continue;
        let entry = byInstance.get(task.containerInstanceArn);
        if (!entry) {
          entry = { clusterName: cluster.clusterName, tasks: [] };
          byInstance.set(task.containerInstanceArn, entry);
        }
        entry.tasks.push(task);
      }
    }
    const located = instancesByArn(state);
    for (const [arn, { instance }] of located) {
      if ((instance.status !== 'INACTIVE' || byInstance.has(arn)) && !agents.has(arn)) {
        agents.set(arn, new InstanceAgent(arn, wake));
      }
    }

    const definitions = new Map<string, TaskDefinitionRecord | undefined>();
    const definitionOf = (task: TaskRecord) => {
      if (!definitions.has(task.taskDefinitionArn)) {
        definitions.set(task.taskDefinitionArn, findTaskDefinition(state, task.taskDefinitionArn));
      }
      return definitions.get(task.taskDefinitionArn);
    };
    const building = new Map<string, boolean>();
    const imageBuilding = (image: string) => {
      if (!building.has(image)) {
        const kind = resolveImage(image);
        building.set(image, kind !== undefined && !imageReady(config.imagesDir, kind));
      }
      return building.get(image)!;
    };
    const updates: TaskUpdate[] = [];
    for (const [arn, agent] of agents) {
      for (const id of agent.heldTaskIds()) if (!allTaskIds.has(id)) agent.kill(id);
      const place = located.get(arn);
      const mine = byInstance.get(arn);
      const clusterName = place?.cluster.clusterName ?? mine?.clusterName ?? '';
      updates.push(
        ...agent.step(mine?.tasks ?? [], {
          clusterName,
          instance: place?.instance,
          address:
            state.managedInstances[place?.instance.ec2InstanceId ?? '']?.ipAddress ?? '127.0.0.1',
          config,
          definitionOf,
          imageBuilding,
          credentialsFor: (task, definition) => credentialsFor(clusterName, task, definition),
        }),
      );
      if ((!place || place.instance.status === 'INACTIVE') && !agent.holdsAny && !mine) {
        agents.delete(arn);
      }
    }
    if (updates.length === 0) return;
    store.mutate((draft) => {
      const now = nowEpoch();
      for (const update of updates) {
        const task = draft.clusters[update.clusterName]?.tasks[update.taskId];
        if (task) update.apply(task, now);
      }
    });
  }

  const unsubscribe = store.onChange(wake);
  const ticker = setInterval(wake, TICK_MS);
  heartbeat(store);
  const heart = setInterval(() => heartbeat(store), HEARTBEAT_MS);
  ticker.unref();
  heart.unref();
  wake();

  return {
    config,
    processes: () => [...agents.values()].flatMap((agent) => agent.processes()),
    close() {
      closed = true;
      clearTimeout(scheduled);
      clearInterval(ticker);
      clearInterval(heart);
      unsubscribe();
      for (const agent of agents.values()) agent.kill();
    },
  };
}
