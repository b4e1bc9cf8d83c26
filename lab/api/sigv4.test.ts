// SigV4 verification against requests signed by the SDK's own signer: good, tampered, foreign and session-token ones.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { verifySignature, type SignedRequest } from './sigv4';

const credentials = { accessKeyId: 'lab', secretAccessKey: 'lab', region: 'us-east-1' };

async function sign(
  body: string,
  options: { secret?: string; sessionToken?: string; date?: Date } = {},
) {
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: 'lab',
      secretAccessKey: options.secret ?? 'lab',
      sessionToken: options.sessionToken,
    },
    region: 'us-east-1',
    service: 'ecs',
    sha256: Sha256,
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 4599,
      path: '/',
      query: {},
      headers: {
        host: '127.0.0.1:4599',
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListClusters',
        'user-agent': 'test',
      },
      body,
    },
    { signingDate: options.date },
  );
  const headers = Object.fromEntries(
    Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]),
  );
  return { method: 'POST', path: '/', query: {}, headers, body } satisfies SignedRequest;
}

const verify = (request: SignedRequest, knownToken?: string) =>
  verifySignature(request, {
    credentials,
    service: 'ecs',
    isKnownSessionToken: (t) => t === knownToken,
  });

describe('verifySignature', () => {
  it('accepts a request signed with the lab credentials', async () => {
    await expect(verify(await sign('{}'))).resolves.toBeUndefined();
  });

  it('rejects a request with a changed body or header', async () => {
    const request = await sign('{}');
    await expect(verify({ ...request, body: '{"a":1}' })).rejects.toMatchObject({
      type: 'InvalidSignatureException',
    });
    const changed = { ...request, headers: { ...request.headers, 'x-amz-target': 'AmazonSSM.X' } };
    await expect(verify(changed)).rejects.toMatchObject({ type: 'InvalidSignatureException' });
  });

  it('accepts a known session token and rejects an unknown one', async () => {
    const request = await sign('{}', { sessionToken: 'task-token' });
    await expect(verify(request, 'task-token')).resolves.toBeUndefined();
    await expect(verify(request, 'other')).rejects.toMatchObject({
      type: 'UnrecognizedClientException',
    });
  });

  it('rejects a wrong secret and an old date', async () => {
    await expect(verify(await sign('{}', { secret: 'x' }))).rejects.toMatchObject({
      type: 'InvalidSignatureException',
    });
    const old = await sign('{}', { date: new Date(Date.now() - 16 * 60_000) });
    await expect(verify(old)).rejects.toMatchObject({
      type: 'InvalidSignatureException',
      message: /expired/,
    });
  });
});
