// `npm test`: every stage in order; the first failure stops the run and is named. Ends with one
// "N passed, N failed" line counting the unit, wire and browser tests and the benchmark smoke cases.
import { spawn } from 'node:child_process';
import { ensureSetup } from './setup.mjs';

const stages = [
  { name: 'type check', command: ['npx', 'tsc', '--noEmit'] },
  { name: 'lint', command: ['npx', 'eslint', '.', '--max-warnings=0'] },
  { name: 'format', command: ['npx', 'prettier', '--check', '.'] },
  { name: 'unit tests', command: ['npx', 'vitest', 'run', '--project', 'unit'], counts: 'vitest' },
  { name: 'wire tests', command: ['npx', 'vitest', 'run', '--project', 'wire'], counts: 'vitest' },
  {
    name: 'benchmarks (smoke)',
    command: ['npx', 'tsx', '--conditions=react-server', 'bench/run.ts', '--smoke'],
    counts: 'bench',
  },
  { name: 'browser tests', command: ['npx', 'playwright', 'test'], counts: 'playwright' },
];

function count(output, kind) {
  if (kind === 'vitest') {
    const line = output.match(/^\s*Tests\s+(.*)$/m)?.[1] ?? '';
    return {
      passed: Number(/(\d+) passed/.exec(line)?.[1] ?? 0),
      failed: Number(/(\d+) failed/.exec(line)?.[1] ?? 0),
    };
  }
  if (kind === 'bench') {
    const [, passed = 0, failed = 0] = /^bench: (\d+) passed, (\d+) failed$/m.exec(output) ?? [];
    return { passed: Number(passed), failed: Number(failed) };
  }
  return {
    passed: Number(/^\s*(\d+) passed/m.exec(output)?.[1] ?? 0),
    failed: Number(/^\s*(\d+) failed/m.exec(output)?.[1] ?? 0),
  };
}

function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let output = '';
    for (const [stream, sink] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      stream.on('data', (chunk) => {
        output += chunk.toString();
        sink.write(chunk);
      });
    }
    child.on('close', (code, signal) => resolve({ code, signal, output }));
  });
}

ensureSetup({ images: true, browser: true });

const started = Date.now();
const totals = { passed: 0, failed: 0 };
for (const stage of stages) {
  const stageStart = Date.now();
  console.log(`\n=== npm test: ${stage.name} (${stage.command.join(' ')})`);
  const result = await run(stage.command);
  const seconds = ((Date.now() - stageStart) / 1000).toFixed(1);
  if (stage.counts) {
    const { passed, failed } = count(result.output, stage.counts);
    totals.passed += passed;
    totals.failed += failed;
  }
  if (result.code !== 0) {
    console.error(
      `\nnpm test: stage "${stage.name}" failed after ${seconds} s (exit ${result.code ?? result.signal}).`,
    );
    console.log(`\ntests: ${totals.passed} passed, ${Math.max(totals.failed, 1)} failed`);
    process.exit(1);
  }
  console.log(`=== npm test: ${stage.name} passed in ${seconds} s`);
}
console.log(`\nnpm test: all stages passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
