// Hand-built AWS JSON 1.1 requests (signed with the SDK's signer, or deliberately not) and the lab's admin state.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

export const ECS_PREFIX = 'AmazonEC2ContainerServiceV20141113';

export interface RawReply {
  status: number;
  body: { __type?: string; message?: string; [key: string]: unknown };
}

export interface SignOptions {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  service?: string;
  region?: string;
  signingDate?: Date;
}

export async function signedHeaders(
  endpoint: string,
  target: string,
  body: string,
  options: SignOptions = {},
): Promise<Record<string, string>> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: options.accessKeyId ?? 'lab',
      secretAccessKey: options.secretAccessKey ?? 'lab',
      sessionToken: options.sessionToken,
    },
    region: options.region ?? 'us-east-1',
    service: options.service ?? (target.startsWith('AmazonSSM') ? 'ssm' : 'ecs'),
    sha256: Sha256,
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      query: {},
      headers: {
        host: url.host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': target,
      },
      body,
    },
    { signingDate: options.signingDate },
  );
  return signed.headers;
}

export async function rawPost(
  endpoint: string,
  headers: Record<string, string>,
  body: string,
): Promise<RawReply> {
  // fetch sets Host from the URL itself.
  const rest = { ...headers };
  delete rest.host;
  const response = await fetch(`${endpoint}/`, { method: 'POST', headers: rest, body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

export async function signedPost(
  endpoint: string,
  target: string,
  body: string,
  options: SignOptions = {},
): Promise<RawReply> {
  return rawPost(endpoint, await signedHeaders(endpoint, target, body, options), body);
}

export async function labState(endpoint: string, secret = 'lab'): Promise<Record<string, unknown>> {
  const response = await fetch(`${endpoint}/_lab/state`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  if (!response.ok) throw new Error(`GET /_lab/state answered ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}
