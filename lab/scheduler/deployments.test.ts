import { describe, expect, it } from 'vitest';
import { planRollout, type RolloutInput, type ServiceTask } from './deployments';

let next = 0;
function task(deploymentId: string, instance: string, running = true): ServiceTask {
  const id = `t${next++}`;
  return {
    id,
    taskArn: `arn:task/${id}`,
    containerInstanceArn: `arn:instance/${instance}`,
    deploymentId,
    running,
    startedAt: running ? next : undefined,
  };
}

const plan = (tasks: ServiceTask[], overrides: Partial<RolloutInput> = {}) =>
  planRollout({
    desiredCount: 4,
    maximumPercent: 200,
    minimumHealthyPercent: 100,
    primaryId: 'new',
    tasks,
    ...overrides,
  });

describe('planRollout', () => {
  it('places the missing tasks of a new service', () => {
    expect(plan([])).toEqual({ place: 4, stop: [], steady: false });
  });

  it('is steady when the PRIMARY runs the desired count alone', () => {
    const tasks = ['a', 'a', 'b', 'b'].map((i) => task('new', i));
    expect(plan(tasks)).toEqual({ place: 0, stop: [], steady: true });
  });

  it('is not steady while a task is still pending', () => {
    const tasks = [task('new', 'a'), task('new', 'a'), task('new', 'b'), task('new', 'b', false)];
    expect(plan(tasks)).toEqual({ place: 0, stop: [], steady: false });
  });

  it('scales in from the instance holding the most tasks, keeping the spread even', () => {
    const tasks = [...['a', 'a', 'a'].map((i) => task('new', i)), task('new', 'b')];
    const result = plan(tasks, { desiredCount: 2 });
    expect(result.place).toBe(0);
    expect(result.stop).toHaveLength(2);
    const left = tasks
      .filter((t) => !result.stop.includes(t.id))
      .map((t) => t.containerInstanceArn);
    expect(left.toSorted()).toEqual(['arn:instance/a', 'arn:instance/b']);
  });

  it('with 100/200 starts the whole new deployment before stopping any old task', () => {
    const old = ['a', 'a', 'b', 'b'].map((i) => task('old', i));
    expect(plan(old)).toEqual({ place: 4, stop: [], steady: false });
  });

  it('stops old tasks only as far as running tasks stay at minimum healthy', () => {
    const old = ['a', 'a', 'b', 'b'].map((i) => task('old', i));
    const fresh = [task('new', 'a'), task('new', 'b'), task('new', 'a', false)];
    const result = plan([...old, ...fresh]);
    // 6 running, 4 must stay: 2 old tasks go; 1 new task still to place (8 - 6 = room for 2).
    expect(result.stop).toHaveLength(2);
    expect(result.stop.every((id) => old.some((t) => t.id === id))).toBe(true);
    expect(result.place).toBe(1);
    expect(result.steady).toBe(false);
  });

  it('with maximum 100 and minimum 50 stops half the old tasks first, then places as many', () => {
    const old = ['a', 'a', 'b', 'b'].map((i) => task('old', i));
    const result = plan(old, { maximumPercent: 100, minimumHealthyPercent: 50 });
    expect(result.stop).toHaveLength(2);
    expect(result.place).toBe(2);
  });

  it('stops old tasks that never started whatever the minimum', () => {
    const old = [task('old', 'a', false), task('old', 'b')];
    const result = plan(old, { desiredCount: 1, maximumPercent: 100 });
    expect(result.stop).toEqual([old[0]!.id]);
    expect(result.place).toBe(0);
  });

  it('treats tasks of unknown deployments as old ones', () => {
    const tasks = [task('gone', 'a'), ...['a', 'b', 'a', 'b'].map((i) => task('new', i))];
    expect(plan(tasks)).toEqual({ place: 0, stop: [tasks[0]!.id], steady: false });
  });
});
