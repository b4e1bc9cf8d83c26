// The lab's HTTP server: AWS JSON 1.1 on `POST /` (SigV4-verified) and the admin routes under /_lab/.
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { routeAdmin } from '../admin/router';
import type { AgentSupervisor } from '../agent/supervisor';
import type { LabStore } from '../store/lab-store';
import { LabAccess } from './access';
import { AwsError, serializationError, unknownOperation } from './errors';
import { ConnectionCut, LabFaults, meetFault } from './faults';
import { LabMetrics } from './metrics';
import { lookupTarget } from './registry';
import { verifySignature, type LabCredentials } from './sigv4';

const MAX_BODY_BYTES = 1024 * 1024;
const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

export interface LabServerOptions {
  store: LabStore;
  credentials: LabCredentials;
  /** The instance agents, started once the server listens. */
  agents?: () => AgentSupervisor | undefined;
}

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  contentType = JSON_CONTENT_TYPE,
) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
  });
  response.end(text);
}

function parseJsonObject(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw serializationError('The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw serializationError('The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

async function handleAws(
  request: IncomingMessage,
  url: URL,
  body: string,
  options: LabServerOptions,
  access: LabAccess,
  faults: LabFaults,
  metrics: LabMetrics,
) {
  const target = String(request.headers['x-amz-target'] ?? '');
  const found = lookupTarget(target);
  if (!found) throw unknownOperation(target);
  await verifySignature(
    {
      method: request.method ?? 'POST',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      body,
    },
    {
      credentials: access.credentialsFor(request.headers, options.credentials),
      service: found.service.signingName,
      isKnownSessionToken: (token) => options.store.isKnownSessionToken(token),
    },
  );
  if (!found.operation) throw unknownOperation(target);
  const action = `${found.service.signingName}:${target.split('.')[1]}`;
  metrics.count(action);
  access.authorize(request.headers, action, options.store.identity.accountId);
  // After authentication and before the operation runs, so a faulted call never changes state.
  await meetFault(faults, action, found.service.serverError);
  const { service, operation } = found;
  const parsed = operation.input.safeParse(parseJsonObject(body));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new AwsError(service.validationError, `${where}${issue?.message ?? 'invalid input'}`);
  }
  try {
    return operation.run(parsed.data, { store: options.store });
  } catch (error) {
    if (error instanceof AwsError) throw error;
    console.error(`lab: ${target} failed:`, error);
    throw new AwsError(service.serverError, 'An internal error occurred in the lab.', 500);
  }
}

export function createLabServer(options: LabServerOptions): http.Server {
  const access = new LabAccess();
  const faults = new LabFaults();
  const metrics = new LabMetrics();
  return http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://lab');
    try {
      const body = await readBody(request);
      if (url.pathname.startsWith('/_lab/')) {
        const reply = routeAdmin(
          {
            method: request.method ?? 'GET',
            path: url.pathname.slice('/_lab'.length),
            headers: request.headers,
            body,
          },
          {
            store: options.store,
            accessKeyId: options.credentials.accessKeyId,
            secretAccessKey: options.credentials.secretAccessKey,
            agents: options.agents?.(),
            access,
            faults,
            metrics,
          },
        );
        send(response, reply.status, reply.body, 'application/json');
        return;
      }
      if (request.method !== 'POST' || url.pathname !== '/') {
        throw new AwsError(
          'UnknownOperationException',
          `No operation at ${request.method} ${url.pathname}`,
          404,
        );
      }
      send(response, 200, await handleAws(request, url, body, options, access, faults, metrics));
    } catch (error) {
      if (error instanceof ConnectionCut) {
        request.socket.destroy();
      } else if (error instanceof BodyTooLarge) {
        send(response, 413, {
          __type: 'RequestEntityTooLargeException',
          message: 'Request body is larger than 1 MiB.',
        });
      } else if (error instanceof AwsError) {
        send(response, error.status, error.toBody());
      } else {
        console.error('lab: request failed:', error);
        send(response, 500, {
          __type: 'InternalFailure',
          message: 'An internal error occurred in the lab.',
        });
      }
    }
  });
}
