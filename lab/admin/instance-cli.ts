// `npm run lab -- instance add|stop|start|remove|list`: manages the running lab's instances through its admin routes.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { LabConfig } from '../config';
import { callAdmin, CliError, runCli } from './admin-call';

export const INSTANCE_USAGE = [
  'usage: npm run lab -- instance list',
  '       npm run lab -- instance add [--count N] [--activation-id ID --activation-code CODE]',
  '       npm run lab -- instance stop|start|remove <mi-id | container instance id or ARN>',
].join('\n');

const instanceSummary = z.object({
  cluster: z.string(),
  instanceId: z.string(),
  containerInstanceArn: z.string(),
  address: z.string().optional(),
  status: z.string(),
  agentConnected: z.boolean(),
  pingStatus: z.string().optional(),
  activationId: z.string().optional(),
  pids: z.array(z.number()),
});

type InstanceSummary = z.infer<typeof instanceSummary>;

function describe(instance: InstanceSummary): string {
  return [
    instance.instanceId,
    instance.address ?? '-',
    instance.status,
    instance.agentConnected ? 'agent connected' : 'agent disconnected',
    instance.pingStatus ?? '-',
    `${instance.pids.length} process(es)`,
    instance.containerInstanceArn,
  ].join('  ');
}

function parseAddOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        count: { type: 'string' },
        'activation-id': { type: 'string' },
        'activation-code': { type: 'string' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}

function parseAdd(args: string[]) {
  const { values, positionals } = parseAddOptions(args);
  if (positionals.length > 0) throw new CliError(`unexpected argument ${positionals[0]}`);
  const count = values.count === undefined ? undefined : Number(values.count);
  if (count !== undefined && (!Number.isInteger(count) || count < 1)) {
    throw new CliError(`--count needs a positive whole number, not ${values.count}`);
  }
  return {
    ...(count !== undefined && { count }),
    ...(values['activation-id'] !== undefined && { activationId: values['activation-id'] }),
    ...(values['activation-code'] !== undefined && { activationCode: values['activation-code'] }),
  };
}

async function run(args: string[], config: LabConfig): Promise<string[]> {
  const [command, ...rest] = args;
  switch (command) {
    case 'list': {
      const { instances } = z
        .object({ instances: z.array(instanceSummary) })
        .parse(await callAdmin(config, 'GET', '/instances'));
      return instances.length === 0 ? ['no instances registered'] : instances.map(describe);
    }
    case 'add': {
      const { instances } = z
        .object({ instances: z.array(instanceSummary) })
        .parse(await callAdmin(config, 'POST', '/instances', parseAdd(rest)));
      return instances.map(
        (i) =>
          `registered ${i.instanceId} at ${i.address ?? '-'} in cluster ${i.cluster} as ${i.containerInstanceArn}` +
          (i.activationId ? ` (activation ${i.activationId})` : ''),
      );
    }
    case 'stop':
    case 'start':
    case 'remove': {
      const [id, ...extra] = rest;
      if (!id || extra.length > 0)
        throw new CliError(`instance ${command} needs exactly one instance id`);
      const path = `/instances/${encodeURIComponent(id)}`;
      const { instance } = z
        .object({ instance: instanceSummary })
        .parse(
          command === 'remove'
            ? await callAdmin(config, 'DELETE', path)
            : await callAdmin(config, 'POST', `${path}/${command}`),
        );
      const done = {
        stop: 'stopped the agent of',
        start: 'started the agent of',
        remove: 'removed',
      };
      return [`${done[command]} ${instance.instanceId}`, describe(instance)];
    }
    default:
      throw new CliError(
        command ? `unknown instance command: ${command}` : 'missing instance command',
      );
  }
}

/** Runs one instance subcommand; returns the process exit code. */
export function runInstanceCommand(args: string[], config: LabConfig): Promise<number> {
  return runCli(() => run(args, config), INSTANCE_USAGE);
}
