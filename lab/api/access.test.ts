import { describe, expect, it } from 'vitest';
import { LabAccess } from './access';
import { AwsError } from './errors';

const lab = { accessKeyId: 'lab', secretAccessKey: 'lab', region: 'eu-west-3' };
const signedBy = (key: string) => ({
  authorization: `AWS4-HMAC-SHA256 Credential=${key}/20260101/eu-west-3/ecs/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
});

describe('LabAccess', () => {
  it('verifies a granted key with its own secret, and the lab key with the lab secret', () => {
    const access = new LabAccess();
    const body = JSON.stringify({
      accessKeyId: 'ops',
      secretAccessKey: 's3cret',
      allowedActions: [],
    });
    expect(access.grantFromBody(body, 'lab')).toEqual({ status: 200, body: { ok: true } });
    expect(access.credentialsFor(signedBy('ops'), lab)).toEqual({
      ...lab,
      accessKeyId: 'ops',
      secretAccessKey: 's3cret',
    });
    expect(access.credentialsFor(signedBy('lab'), lab)).toBe(lab);
    expect(access.credentialsFor({}, lab)).toBe(lab);
  });

  it("refuses an action outside the allowlist with AWS's AccessDenied, and records what was used", () => {
    const access = new LabAccess();
    access.grantFromBody(
      JSON.stringify({
        accessKeyId: 'ops',
        secretAccessKey: 's',
        allowedActions: ['ecs:ListClusters'],
      }),
      'lab',
    );
    access.authorize(signedBy('ops'), 'ecs:ListClusters', '210987654321');
    access.authorize(signedBy('lab'), 'ecs:ListTasks', '210987654321');
    let thrown: unknown;
    try {
      access.authorize(signedBy('ops'), 'ecs:ListTasks', '210987654321');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AwsError);
    expect((thrown as AwsError).status).toBe(400);
    expect((thrown as AwsError).toBody()).toEqual({
      __type: 'AccessDeniedException',
      message:
        'User: arn:aws:iam::210987654321:user/ops is not authorized to perform: ecs:ListTasks on resource: * because no identity-based policy allows the ecs:ListTasks action',
    });
    expect(access.list()).toEqual([
      {
        accessKeyId: 'ops',
        allowedActions: ['ecs:ListClusters'],
        usedActions: ['ecs:ListClusters'],
        deniedActions: ['ecs:ListTasks'],
      },
    ]);
  });

  it('answers bad input with 400 and a message naming the field', () => {
    const access = new LabAccess();
    expect(access.grantFromBody('{', 'lab')).toEqual({
      status: 400,
      body: { message: 'the body must be JSON' },
    });
    expect(
      access.grantFromBody(
        JSON.stringify({ accessKeyId: 'ops', secretAccessKey: 's', allowedActions: ['ecs:*'] }),
        'lab',
      ),
    ).toEqual({
      status: 400,
      body: { message: 'allowedActions.0: an action such as ecs:ListTasks' },
    });
    expect(
      access.grantFromBody(
        JSON.stringify({ accessKeyId: 'lab', secretAccessKey: 's', allowedActions: [] }),
        'lab',
      ),
    ).toEqual({ status: 400, body: { message: "lab is the lab's own key; pick another" } });
    expect(access.list()).toEqual([]);
  });
});
