// How the lab's CLI subcommands call a running lab's admin routes, with errors a person can act on.
import type { LabConfig } from '../config';

export class CliError extends Error {}
export class LabUnreachable extends CliError {}

export async function callAdmin(config: LabConfig, method: string, route: string, body?: unknown) {
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

/** Runs a subcommand's lines to stdout; returns the exit code (2 for usage, 3 for no lab). */
export async function runCli(lines: () => Promise<string[]>, usage: string): Promise<number> {
  try {
    for (const line of await lines()) console.log(line);
    return 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    if (error instanceof LabUnreachable) {
      console.error(error.message);
      return 3;
    }
    console.error(`${error.message}\n${usage}`);
    return 2;
  }
}
