import { describe, expect, it } from 'vitest';
import { withCode } from './error-text';

describe('withCode', () => {
  it('adds the code to a message that lacks it', () => {
    expect(withCode('desiredCount: at most 1000', 'InvalidInput')).toBe(
      'desiredCount: at most 1000 (InvalidInput)',
    );
  });

  it('does not repeat a code the message already names', () => {
    const message = 'AWS did not accept the credentials. (InvalidSignatureException).';
    expect(withCode(message, 'InvalidSignatureException')).toBe(message);
  });

  it('leaves a message alone when there is no code', () => {
    expect(withCode('Signed out: sign in again.', null)).toBe('Signed out: sign in again.');
  });
});
