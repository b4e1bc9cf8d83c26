// Admin routes for external instances: list, add (optionally with an SSM activation), stop, start, remove; live processes.
import { z } from 'zod';
import type { AgentSupervisor } from '../agent/supervisor';
import { requestTaskStop } from '../ecs/task-lifecycle';
import { tasksOn } from '../store/derived';
import { addContainerInstance, addManagedInstance } from '../store/external-instances';
import { nowEpoch } from '../store/ids';
import type { LabStore } from '../store/lab-store';
import type { ActivationRecord, ContainerInstanceRecord, LabState } from '../store/model';
import { LAB_INSTANCE_ROLE } from '../store/seed';
import type { AdminReply } from './router';

const MAX_NEW_INSTANCES = 50;

export const addInstancesInput = z
  .object({
    activationId: z.string().min(1).optional(),
    activationCode: z.string().min(1).optional(),
    count: z.number().int().min(1).max(MAX_NEW_INSTANCES).default(1),
    cluster: z.string().min(1).optional(),
  })
  .strict()
  .refine((input) => (input.activationId === undefined) === (input.activationCode === undefined), {
    message: 'activationId and activationCode go together',
  });

export type AddInstancesInput = z.input<typeof addInstancesInput>;

const failure = (status: number, code: string, message: string): AdminReply => ({
  status,
  body: { code, message },
});

class AdminFailure extends Error {
  constructor(readonly reply: AdminReply) {
    super(String((reply.body as { message: string }).message));
  }
}

function summary(
  state: Readonly<LabState>,
  clusterName: string,
  instance: ContainerInstanceRecord,
  agents: AgentSupervisor,
) {
  const managed = state.managedInstances[instance.ec2InstanceId];
  return {
    cluster: clusterName,
    instanceId: instance.ec2InstanceId,
    containerInstanceId: instance.id,
    containerInstanceArn: instance.containerInstanceArn,
    address: managed?.ipAddress,
    status: instance.status,
    agentConnected: instance.agentConnected,
    pingStatus: managed ? (managed.online ? 'Online' : 'ConnectionLost') : undefined,
    lastPingAt: managed ? new Date(managed.lastPingAt * 1000).toISOString() : undefined,
    activationId: managed?.activationId,
    pids: agents
      .processes()
      .filter((p) => p.containerInstanceArn === instance.containerInstanceArn)
      .map((p) => p.pid),
  };
}

function locate(state: Readonly<LabState>, reference: string) {
  for (const cluster of Object.values(state.clusters)) {
    for (const instance of Object.values(cluster.containerInstances)) {
      if (instance.status === 'INACTIVE') continue;
      if (
        [instance.id, instance.containerInstanceArn, instance.ec2InstanceId].includes(reference)
      ) {
        return { clusterName: cluster.clusterName, id: instance.id };
      }
    }
  }
  throw new AdminFailure(failure(404, 'InstanceNotFound', `no registered instance ${reference}`));
}

function chooseActivation(
  state: LabState,
  input: z.output<typeof addInstancesInput>,
): ActivationRecord | undefined {
  if (input.activationId === undefined) {
    // The lab's own instances come from its seed activation, which grows with them.
    const own = Object.values(state.activations).sort((a, b) => a.createdDate - b.createdDate)[0];
    if (own)
      own.registrationLimit = Math.max(own.registrationLimit, own.registrationsCount + input.count);
    return own;
  }
  const activation = state.activations[input.activationId];
  if (!activation || activation.activationCode !== input.activationCode) {
    throw new AdminFailure(
      failure(400, 'InvalidActivation', 'The activation ID or activation code is not valid.'),
    );
  }
  if (activation.expirationDate <= nowEpoch()) {
    throw new AdminFailure(
      failure(400, 'ActivationExpired', `Activation ${activation.activationId} has expired.`),
    );
  }
  if (activation.registrationsCount + input.count > activation.registrationLimit) {
    throw new AdminFailure(
      failure(
        400,
        'RegistrationLimitExceeded',
        `Activation ${activation.activationId} allows ${activation.registrationLimit} registrations and has ${activation.registrationsCount}.`,
      ),
    );
  }
  return activation;
}

function parseBody(body: string | undefined) {
  let json: unknown;
  try {
    json = body?.trim() ? JSON.parse(body) : {};
  } catch {
    throw new AdminFailure(failure(400, 'InvalidRequest', 'the request body is not valid JSON'));
  }
  const parsed = addInstancesInput.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new AdminFailure(
      failure(400, 'InvalidRequest', `${where}${issue?.message ?? 'invalid input'}`),
    );
  }
  return parsed.data;
}

export function addInstances(
  store: LabStore,
  agents: AgentSupervisor,
  body: string | undefined,
): AdminReply {
  const input = parseBody(body);
  const clusterName = input.cluster ?? agents.config.clusterName;
  const added = store.mutate((state) => {
    if (state.clusters[clusterName]?.status !== 'ACTIVE') {
      throw new AdminFailure(failure(400, 'ClusterNotFound', `no active cluster ${clusterName}`));
    }
    const activation = chooseActivation(state, input);
    return Array.from({ length: input.count }, () => {
      const managed = addManagedInstance(state, {
        addressPrefix: store.addressPrefix,
        activationId: activation?.activationId ?? '',
        iamRole: activation?.iamRole ?? LAB_INSTANCE_ROLE,
      });
      return addContainerInstance(state, store.identity, clusterName, {
        ec2InstanceId: managed.instanceId,
      });
    });
  });
  const state = store.state;
  return {
    status: 201,
    body: { instances: added.map((instance) => summary(state, clusterName, instance, agents)) },
  };
}

export function listInstances(store: LabStore, agents: AgentSupervisor): AdminReply {
  const state = store.state;
  const instances = Object.values(state.clusters).flatMap((cluster) =>
    Object.values(cluster.containerInstances)
      .filter((instance) => instance.status !== 'INACTIVE')
      .sort((a, b) => a.registeredAt - b.registeredAt)
      .map((instance) => summary(state, cluster.clusterName, instance, agents)),
  );
  return { status: 200, body: { instances } };
}

type InstanceAction = 'stop' | 'start' | 'remove';

/** stop: the agent stops heartbeating (its processes keep running); start: it reconnects; remove: deregistered. */
export function changeInstance(
  store: LabStore,
  agents: AgentSupervisor,
  reference: string,
  action: InstanceAction,
): AdminReply {
  const { clusterName, id } = locate(store.state, reference);
  const instance = store.mutate((state) => {
    const cluster = state.clusters[clusterName]!;
    const record = cluster.containerInstances[id]!;
    const managed = state.managedInstances[record.ec2InstanceId];
    record.version += 1;
    if (action === 'remove') {
      for (const task of tasksOn(cluster, record)) {
        requestTaskStop(task, 'TerminationNotice', 'Container instance removed from the lab');
      }
      record.status = 'INACTIVE';
      record.agentConnected = false;
      delete state.managedInstances[record.ec2InstanceId];
      return record;
    }
    record.agentConnected = action === 'start';
    if (managed) {
      managed.online = record.agentConnected;
      if (record.agentConnected) managed.lastPingAt = nowEpoch();
    }
    return record;
  });
  return { status: 200, body: { instance: summary(store.state, clusterName, instance, agents) } };
}

export function listProcesses(agents: AgentSupervisor): AdminReply {
  return { status: 200, body: { processes: agents.processes() } };
}

/** Runs a handler, turning its AdminFailure into the reply it carries. */
export function guarded(run: () => AdminReply): AdminReply {
  try {
    return run();
  } catch (error) {
    if (error instanceof AdminFailure) return error.reply;
    throw error;
  }
}
