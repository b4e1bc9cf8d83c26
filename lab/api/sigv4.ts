// Verifies a request's AWS Signature Version 4 by recomputing it with the SDK's own signer.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { AwsError } from './errors';

export interface LabCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export interface SignedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface VerifyOptions {
  credentials: LabCredentials;
  /** Signing names accepted for this request (e.g. `ecs` for an ECS operation). */
  service: string;
  isKnownSessionToken(token: string): boolean;
  now?: Date;
}

const MAX_SKEW_MS = 15 * 60 * 1000;
const AUTH_PATTERN =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;_.-]+),\s*Signature=([0-9a-f]{64})$/;

const incomplete = (message: string) => new AwsError('IncompleteSignature', message);
const invalidSignature = (message: string) => new AwsError('InvalidSignatureException', message);
const unrecognizedClient = () =>
  new AwsError(
    'UnrecognizedClientException',
    'The security token included in the request is invalid.',
  );

const sha256Hex = (body: string) => createHash('sha256').update(body, 'utf8').digest('hex');

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export async function verifySignature(
  request: SignedRequest,
  options: VerifyOptions,
): Promise<void> {
  const authorization = header(request.headers, 'authorization');
  if (!authorization) {
    throw new AwsError('MissingAuthenticationToken', 'Missing Authentication Token', 403);
  }
  const match = AUTH_PATTERN.exec(authorization.trim());
  if (!match) {
    throw incomplete(
      `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters. Authorization=${authorization.slice(0, 40)}`,
    );
  }
  const [, accessKeyId, scopeDate, region, service, signedHeaderList, signature] =
    match as unknown as string[];
  const signedHeaders = signedHeaderList!.split(';');
  if (!signedHeaders.includes('host')) throw incomplete("'Host' must be a signed header.");
  const amzDate = header(request.headers, 'x-amz-date');
  if (!amzDate || !signedHeaders.includes('x-amz-date')) {
    throw incomplete("Authorization header requires existence of a signed 'X-Amz-Date' header.");
  }
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate) throw incomplete(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`);

  if (accessKeyId !== options.credentials.accessKeyId) throw unrecognizedClient();
  const sessionToken = header(request.headers, 'x-amz-security-token');
  if (sessionToken !== undefined && !options.isKnownSessionToken(sessionToken))
    throw unrecognizedClient();
  if (scopeDate !== amzDate.slice(0, 8)) {
    throw invalidSignature(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}'.`,
    );
  }
  if (region !== options.credentials.region) {
    throw invalidSignature(`Credential should be scoped to a valid region, not '${region}'.`);
  }
  if (service !== options.service) {
    throw invalidSignature(`Credential should be scoped to correct service: '${options.service}'.`);
  }
  const now = options.now ?? new Date();
  if (Math.abs(now.getTime() - signingDate.getTime()) > MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature expired: ${amzDate} is now earlier than ${new Date(now.getTime() - MAX_SKEW_MS).toISOString()} (${now.toISOString()} - 15 min.)`,
    );
  }

  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = header(request.headers, name);
    if (value === undefined)
      throw invalidSignature(`Signed header '${name}' is missing from the request.`);
    headers[name] = value;
  }
  // The signer trusts a signed x-amz-content-sha256 as the payload hash; put in the body's real hash,
  // so a body changed after signing fails the comparison.
  if ('x-amz-content-sha256' in headers) headers['x-amz-content-sha256'] = sha256Hex(request.body);
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: options.credentials.accessKeyId,
      secretAccessKey: options.credentials.secretAccessKey,
      sessionToken: signedHeaders.includes('x-amz-security-token') ? sessionToken : undefined,
    },
    region: region!,
    service: service!,
    sha256: Sha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: headers.host ?? '',
      path: request.path,
      query: request.query,
      headers,
      body: request.body,
    },
    { signingDate, signableHeaders: new Set(signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization))?.[1] ?? '';
  if (!timingSafeEqual(Buffer.from(expected.padEnd(64, '0')), Buffer.from(signature!))) {
    throw invalidSignature(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
}
