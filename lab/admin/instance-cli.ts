// `npm run lab -- instance add|stop|start|remove|list`: manages the running lab's instances through its admin routes.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { LabConfig } from '../config';

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

class CliError extends Error {}
class LabUnreachable extends CliError {}

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

async function call(config: LabConfig, method: string, route: string, body?: unknown) {
  const base = `http://127.0.0.1:${config.port}`;
  let response: Response;
  try {
    response = await fetch(`${base}/_lab${route}`, {
      method,
      headers: {
        authorization: `Bearer ${config.secretAccessKey}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new LabUnreachable(
      `no lab is running at ${base} (start one with \`npm run lab\`, or set LAB_PORT to its port)`,
    );
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliError(`the lab at ${base} answered ${response.status}: ${text.slice(0, 200)}`);
  }
  if (!response.ok) {
    const message = (json as { message?: unknown }).message;
    throw new CliError(
      typeof message === 'string' ? message : `${method} ${route}: ${response.status}`,
    );
  }
  return json;
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
        .parse(await call(config, 'GET', '/instances'));
      return instances.length === 0 ? ['no instances registered'] : instances.map(describe);
    }
    case 'add': {
      const { instances } = z
        .object({ instances: z.array(instanceSummary) })
        .parse(await call(config, 'POST', '/instances', parseAdd(rest)));
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
            ? await call(config, 'DELETE', path)
            : await call(config, 'POST', `${path}/${command}`),
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
export async function runInstanceCommand(args: string[], config: LabConfig): Promise<number> {
  try {
    for (const line of await run(args, config)) console.log(line);
    return 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    if (error instanceof LabUnreachable) {
      console.error(error.message);
      return 3;
    }
    console.error(`${error.message}\n${INSTANCE_USAGE}`);
    return 2;
  }
}
