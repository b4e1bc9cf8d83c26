// Fault rules: validation, which calls a rule hits, how delays and failures combine, and the errors ECS would send.
import { describe, expect, it } from 'vitest';
import { faultError, LabFaults } from './faults';

function sequence(...values: number[]) {
  let i = 0;
  return () => values[i++ % values.length]!;
}

const put = (faults: LabFaults, rules: unknown) =>
  faults.replaceFromBody(JSON.stringify({ rules }));

describe('LabFaults', () => {
  it('rejects bad rules with a message naming the field', () => {
    const faults = new LabFaults();
    expect(faults.replaceFromBody('not json')).toMatchObject({ status: 400 });
    expect(put(faults, [{ kind: 'throttle', share: 1.5 }])).toMatchObject({
      status: 400,
      body: { message: expect.stringMatching(/^rules\.0\.share: /) },
    });
    expect(put(faults, [{ kind: 'melt', share: 0.1 }])).toMatchObject({ status: 400 });
    expect(put(faults, [{ kind: 'delay', share: 1 }])).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('delayMs') },
    });
    expect(put(faults, [{ kind: 'throttle', share: 1, delayMs: 5 }])).toMatchObject({
      status: 400,
    });
    expect(put(faults, [{ kind: 'error', share: 1, operations: ['ListTasks'] }])).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('ecs:ListTasks') },
    });
    expect(put(faults, [{ kind: 'error', share: 1, extra: true }])).toMatchObject({ status: 400 });
    expect(faults.show().body).toEqual({ rules: [] });
  });

  it('hits only the operations a rule names, and every operation when it names none', () => {
    const faults = new LabFaults(() => 0);
    put(faults, [{ kind: 'throttle', share: 1, operations: ['ecs:ListTasks'] }]);
    expect(faults.pick('ecs:ListTasks')).toEqual({ delayMs: 0, failure: 'throttle' });
    expect(faults.pick('ecs:DescribeTasks')).toEqual({ delayMs: 0 });
    put(faults, [{ kind: 'error', share: 1 }]);
    expect(faults.pick('ssm:DescribeInstanceInformation').failure).toBe('error');
  });

  it('fails a call when the roll is under the share, and counts what it injected', () => {
    const faults = new LabFaults(sequence(0.1, 0.5, 0.29, 0.3));
    put(faults, [{ kind: 'throttle', share: 0.3 }]);
    const failures = [1, 2, 3, 4].map(() => faults.pick('ecs:ListTasks').failure);
    expect(failures).toEqual(['throttle', undefined, 'throttle', undefined]);
    expect(faults.show().body).toEqual({ rules: [{ kind: 'throttle', share: 0.3, injected: 2 }] });
  });

  it('adds up delays, and lets the first failure win', () => {
    const faults = new LabFaults(() => 0);
    put(faults, [
      { kind: 'delay', share: 1, delayMs: 200 },
      { kind: 'unreachable', share: 1 },
      { kind: 'error', share: 1 },
      { kind: 'delay', share: 1, delayMs: 50 },
    ]);
    expect(faults.pick('ecs:UpdateService')).toEqual({ delayMs: 250, failure: 'unreachable' });
  });

  it('share 0 never hits, and clear removes every rule', () => {
    const faults = new LabFaults(() => 0);
    put(faults, [{ kind: 'error', share: 0 }]);
    expect(faults.pick('ecs:ListTasks')).toEqual({ delayMs: 0 });
    put(faults, [{ kind: 'error', share: 1 }]);
    faults.clear();
    expect(faults.pick('ecs:ListTasks')).toEqual({ delayMs: 0 });
  });

  it('answers throttling as ECS does (400 ThrottlingException "Rate exceeded") and errors as 500', () => {
    expect(faultError('throttle', 'ServerException')).toMatchObject({
      type: 'ThrottlingException',
      message: 'Rate exceeded',
      status: 400,
    });
    expect(faultError('error', 'ServerException')).toMatchObject({
      type: 'ServerException',
      status: 500,
    });
    expect(faultError('error', 'InternalServerError').type).toBe('InternalServerError');
  });
});
