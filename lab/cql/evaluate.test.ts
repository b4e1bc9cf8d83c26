import { describe, expect, it } from 'vitest';
import type { CqlSubject } from './ast';
import { dependsOnTasks, matchesCql } from './evaluate';
import { parseCql } from './parse';

function instance(overrides: Partial<CqlSubject> = {}): CqlSubject {
  return {
    attributes: {
      'ecs.instance-type': 't2.small',
      'ecs.availability-zone': 'us-east-1a',
      'ecs.os-type': 'linux',
      role: 'webserver',
      'com.amazonaws.ecs.capability.docker-remote-api.1.17': null,
    },
    agentConnected: true,
    agentVersion: '1.14.4',
    ec2InstanceId: 'i-abcd1234',
    registeredAt: Date.parse('2018-02-12T10:00:00Z') / 1000,
    runningTasksCount: 1,
    taskGroups: ['service:production'],
    ...overrides,
  };
}

const matches = (source: string, subject: CqlSubject = instance()) =>
  matchesCql(parseCql(source), subject);

describe('matchesCql on the ECS developer guide examples', () => {
  it('string equality', () => {
    expect(matches('attribute:ecs.instance-type == t2.small')).toBe(true);
    expect(matches('attribute:ecs.instance-type == t2.small', instance({ attributes: {} }))).toBe(
      false,
    );
    expect(
      matches(
        'attribute:ecs.instance-type == t2.small',
        instance({ attributes: { 'ecs.instance-type': 't2.micro' } }),
      ),
    ).toBe(false);
  });

  it('argument list', () => {
    const zone = (z: string) => instance({ attributes: { 'ecs.availability-zone': z } });
    const source = 'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]';
    expect(matches(source, zone('us-east-1b'))).toBe(true);
    expect(matches(source, zone('us-east-1c'))).toBe(false);
  });

  it('compound expression with a pattern', () => {
    const source =
      'attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d';
    const of = (type: string, zone: string) =>
      instance({ attributes: { 'ecs.instance-type': type, 'ecs.availability-zone': zone } });
    expect(matches(source, of('g2.2xlarge', 'us-east-1a'))).toBe(true);
    expect(matches(source, of('g2.2xlarge', 'us-east-1d'))).toBe(false);
    expect(matches(source, of('t2.small', 'us-east-1a'))).toBe(false);
    // Java's matches() must match the whole value.
    expect(matches(source, of('xg2.large', 'us-east-1a'))).toBe(false);
  });

  it('task affinity and anti-affinity look at every task on the instance', () => {
    const hosting = instance({ taskGroups: ['family:web', 'service:production', 'database'] });
    expect(matches('task:group == service:production', hosting)).toBe(true);
    expect(matches('not(task:group == database)', hosting)).toBe(false);
    expect(matches('task:group != database', hosting)).toBe(false);
    const empty = instance({ taskGroups: [] });
    expect(matches('task:group == service:production', empty)).toBe(false);
    expect(matches('not(task:group == database)', empty)).toBe(true);
    expect(matches('task:group exists', empty)).toBe(false);
    expect(matches('task:group =~ service:.*', hosting)).toBe(true);
  });

  it('running task count compares as a number', () => {
    expect(matches('runningTasksCount == 1')).toBe(true);
    expect(matches('runningTasksCount == 1', instance({ runningTasksCount: 10 }))).toBe(false);
    expect(matches('runningTasksCount < 9', instance({ runningTasksCount: 10 }))).toBe(false);
    expect(matches('runningTasksCount >= 10', instance({ runningTasksCount: 10 }))).toBe(true);
  });

  it('agent version compares segment by segment', () => {
    expect(matches('agentVersion < 1.14.5')).toBe(true);
    expect(matches('agentVersion < 1.14.5', instance({ agentVersion: '1.9.0' }))).toBe(true);
    expect(matches('agentVersion < 1.14.5', instance({ agentVersion: '1.100.0' }))).toBe(false);
    expect(matches('agentVersion < 1.14.5', instance({ agentVersion: undefined }))).toBe(false);
  });

  it('registration time compares as a date in every documented format', () => {
    expect(matches('registeredAt < 2018-02-13')).toBe(true);
    expect(matches('registeredAt > 2018-02-12')).toBe(true);
    expect(matches('registeredAt < 2018-02-12T09:59:59Z')).toBe(false);
    expect(matches('registeredAt == 2018-02-12T10:00:00')).toBe(true);
    expect(matches('registeredAt == 2018-02-12T12:00:00+02:00')).toBe(true);
  });

  it('EC2 instance id list', () => {
    expect(matches("ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']")).toBe(true);
    expect(
      matches("ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']", instance({ ec2InstanceId: 'mi-1' })),
    ).toBe(false);
  });
});

describe('matchesCql semantics', () => {
  it('exists sees attributes with and without values', () => {
    expect(matches('attribute:com.amazonaws.ecs.capability.docker-remote-api.1.17 exists')).toBe(
      true,
    );
    expect(matches('attribute:role exists')).toBe(true);
    expect(matches('attribute:missing exists')).toBe(false);
    expect(matches('attribute:missing !exists')).toBe(true);
    expect(matches('attribute:role not_exists')).toBe(false);
  });

  it('negated operators are the negation of the positive ones, also on missing attributes', () => {
    expect(matches('attribute:missing != webserver')).toBe(true);
    expect(matches('attribute:missing !in [a, b]')).toBe(true);
    expect(matches('attribute:missing !~ web.*')).toBe(true);
    expect(matches('attribute:role !in [webserver, b]')).toBe(false);
    expect(matches('attribute:role !~ web.*')).toBe(false);
  });

  it('== is string equality on attributes but ordering compares numbers as numbers', () => {
    const sized = instance({ attributes: { size: '10' } });
    expect(matches('attribute:size == 10.0', sized)).toBe(false);
    expect(matches('attribute:size > 9', sized)).toBe(true);
    expect(matches('attribute:role > alpha')).toBe(true);
    expect(matches('attribute:role < alpha')).toBe(false);
  });

  it('agentConnected compares as true or false', () => {
    expect(matches('agentConnected == true')).toBe(true);
    expect(matches('agentConnected == false', instance({ agentConnected: false }))).toBe(true);
    expect(matches('agentConnected != true', instance({ agentConnected: false }))).toBe(true);
  });

  it('combines with and, or, not and parentheses', () => {
    expect(matches('attribute:role == webserver and not attribute:role == loadbalancer')).toBe(
      true,
    );
    expect(matches('attribute:role == loadbalancer or attribute:role == webserver')).toBe(true);
    expect(
      matches('(attribute:role == loadbalancer or attribute:role == x) and attribute:a !exists'),
    ).toBe(false);
    expect(matches('!(attribute:role == webserver)')).toBe(false);
  });
});

describe('dependsOnTasks', () => {
  it('is true only when the expression reads task:group or runningTasksCount', () => {
    expect(dependsOnTasks(parseCql('attribute:role == webserver'))).toBe(false);
    expect(dependsOnTasks(parseCql('attribute:a exists and not(task:group == x)'))).toBe(true);
    expect(dependsOnTasks(parseCql('attribute:a exists or runningTasksCount < 3'))).toBe(true);
  });
});
