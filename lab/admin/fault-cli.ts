// `npm run lab -- faults set|clear|show`: injects throttling, errors, delays or dropped connections into the running lab's API.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { faultRuleSchema, type FaultRule } from '../api/faults';
import type { LabConfig } from '../config';
import { callAdmin, CliError, runCli } from './admin-call';

export const FAULT_USAGE = [
  'usage: npm run lab -- faults show|clear',
  '       npm run lab -- faults set --kind throttle|error|delay|unreachable --share 0..1',
  '                                 [--delay-ms N] [--operations ecs:ListTasks,ecs:DescribeTasks,...]',
  '       npm run lab -- faults set --json \'{"rules":[{"kind":"throttle","share":0.3}, ...]}\'',
].join('\n');

const shownRules = z.object({
  rules: z.array(z.object({ injected: z.number() }).and(faultRuleSchema)),
});

function describe(rule: FaultRule & { injected: number }): string {
  const what = rule.kind === 'delay' ? `delay ${rule.delayMs} ms` : rule.kind;
  const where = rule.operations ? rule.operations.join(',') : 'every ECS and SSM operation';
  return `${what} for ${Math.round(rule.share * 100)}% of ${where} (injected ${rule.injected} time(s))`;
}

function number(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new CliError(`--${flag} needs a number, not ${text}`);
  return value;
}

function parseSet(args: string[]): unknown {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        kind: { type: 'string' },
        share: { type: 'string' },
        'delay-ms': { type: 'string' },
        operations: { type: 'string' },
        json: { type: 'string' },
      },
    });
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.json !== undefined) {
    try {
      return JSON.parse(values.json);
    } catch {
      throw new CliError('--json needs a JSON object such as {"rules":[...]}');
    }
  }
  if (!values.kind || values.share === undefined) {
    throw new CliError('faults set needs --kind and --share (or --json)');
  }
  return {
    rules: [
      {
        kind: values.kind,
        share: number('share', values.share),
        ...(values['delay-ms'] !== undefined && {
          delayMs: number('delay-ms', values['delay-ms']),
        }),
        ...(values.operations !== undefined && { operations: values.operations.split(',') }),
      },
    ],
  };
}

async function run(args: string[], config: LabConfig): Promise<string[]> {
  const [command, ...rest] = args;
  const show = (json: unknown) => {
    const { rules } = shownRules.parse(json);
    return rules.length === 0
      ? ['no faults: every call is answered normally']
      : rules.map(describe);
  };
  switch (command) {
    case 'show':
      return show(await callAdmin(config, 'GET', '/faults'));
    case 'clear':
      return show(await callAdmin(config, 'DELETE', '/faults'));
    case 'set':
      return show(await callAdmin(config, 'PUT', '/faults', parseSet(rest)));
    default:
      throw new CliError(command ? `unknown faults command: ${command}` : 'missing faults command');
  }
}

/** Runs one faults subcommand; returns the process exit code. */
export function runFaultCommand(args: string[], config: LabConfig): Promise<number> {
  return runCli(() => run(args, config), FAULT_USAGE);
}
