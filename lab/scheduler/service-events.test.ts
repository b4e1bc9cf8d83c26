import { describe, expect, it } from 'vitest';
import type { ServiceRecord } from '../store/model';
import {
  MAX_SERVICE_EVENTS,
  recentlyRecorded,
  recordEvent,
  serviceMessages,
  steadyStateDue,
} from './service-events';

const service = () => ({ serviceName: 'Whoami', events: [] }) as unknown as ServiceRecord;

describe('service events', () => {
  it('speak ECS wording', () => {
    expect(serviceMessages.started('Whoami', ['3f9', '8a1'])).toBe(
      '(service Whoami) has started 2 tasks: (task 3f9) (task 8a1).',
    );
    expect(serviceMessages.stopped('Whoami', ['3f9'])).toBe(
      '(service Whoami) has stopped 1 running tasks: (task 3f9).',
    );
    expect(serviceMessages.steadyState('Whoami')).toBe(
      '(service Whoami) has reached a steady state.',
    );
  });

  it('keep the newest first and at most 100', () => {
    const s = service();
    for (let i = 0; i < 130; i++) recordEvent(s, `m${i}`, i);
    expect(s.events).toHaveLength(MAX_SERVICE_EVENTS);
    expect(s.events[0]?.message).toBe('m129');
    expect(s.events.at(-1)?.message).toBe('m30');
  });

  it('know whether a message was said recently', () => {
    const s = service();
    recordEvent(s, 'x', 1000);
    expect(recentlyRecorded(s.events, 'x', 1059, 60)).toBe(true);
    expect(recentlyRecorded(s.events, 'x', 1060, 60)).toBe(false);
    expect(recentlyRecorded(s.events, 'y', 1001, 60)).toBe(false);
  });

  it('say steady state once, then again after six hours', () => {
    const s = service();
    expect(steadyStateDue(s, 0)).toBe(true);
    recordEvent(s, serviceMessages.steadyState('Whoami'), 100);
    expect(steadyStateDue(s, 200)).toBe(false);
    expect(steadyStateDue(s, 100 + 6 * 3600)).toBe(true);
    recordEvent(s, serviceMessages.started('Whoami', ['a']), 300);
    expect(steadyStateDue(s, 301)).toBe(true);
  });
});
