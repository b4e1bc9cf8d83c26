// `npm test`: every stage in order; the first failure stops the run and is named.
import { spawnSync } from 'node:child_process';
import { ensureSetup } from './setup.mjs';

const stages = [
  ['type check', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['unit tests', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['wire tests', 'npx', ['vitest', 'run', '--project', 'wire']],
  ['browser tests', 'npx', ['playwright', 'test']],
];

ensureSetup({ images: true, browser: true });

const started = Date.now();
for (const [name, command, args] of stages) {
  const stageStart = Date.now();
  console.log(`\n=== npm test: ${name} (${[command, ...args].join(' ')})`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const seconds = ((Date.now() - stageStart) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(
      `\nnpm test: stage "${name}" failed after ${seconds} s (exit ${result.status ?? result.signal}).`,
    );
    process.exit(1);
  }
  console.log(`=== npm test: ${name} passed in ${seconds} s`);
}
console.log(`\nnpm test: all stages passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
