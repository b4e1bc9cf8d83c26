import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandLine, shellQuote } from '@/lib/cli/shell-quote';

describe('shellQuote', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellQuote('arn:aws:ecs:us-east-1:1:container-instance/anywhere-lab/abc')).toBe(
      'arn:aws:ecs:us-east-1:1:container-instance/anywhere-lab/abc',
    );
    expect(shellQuote('name=role,value=webserver')).toBe('name=role,value=webserver');
    expect(shellQuote('{"a":1}')).toBe(`'{"a":1}'`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe(`''`);
    expect(shellQuote('Host(`x`)')).toBe("'Host(`x`)'");
  });

  it('round-trips any words through a real shell', () => {
    const words = fc
      .sample(fc.array(fc.string({ unit: 'binary', minLength: 0 }), { maxLength: 4 }), 60)
      .flat()
      .map((word) => word.replace(/\0/g, ''));
    // printf prints each argument followed by NUL, so the shell's word splitting is observable exactly.
    words.unshift("it's", 'Host(`x`)');
    const script = commandLine(['printf', '%s\\0', ...words]);
    const out = execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' });
    expect(out.split('\0').slice(0, -1)).toEqual(words);
  });
});
