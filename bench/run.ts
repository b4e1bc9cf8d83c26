// `npm run bench [-- --smoke] [<id>…]`: runs the benchmark cases, prints one table and writes the figures with the machine's facts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchCase, BenchFigure, BenchMode } from './types';

// Issue 8's order; a case whose file is not there yet is skipped (another helper may still be writing it).
const CASE_IDS = [
  'snapshot-cost',
  'page-render',
  'lab-throughput',
  'scheduler',
  'convergence',
  'traffic-path',
  'lab-memory',
  'console-memory',
  'load',
];

interface CaseResult {
  id: string;
  title: string;
  /** When the case ran: a partial run keeps the other cases' earlier figures in results.json. */
  measuredAt: string;
  seconds: number;
  figures: BenchFigure[];
  error?: string;
}

const root = path.resolve(import.meta.dirname, '..');

function parseCommandLine(): { mode: BenchMode; ids: string[] } {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { smoke: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const unknown = positionals.filter((id) => !CASE_IDS.includes(id));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(', ')}; known: ${CASE_IDS.join(', ')}`);
    process.exit(2);
  }
  return { mode: values.smoke ? 'smoke' : 'full', ids: positionals };
}

async function loadCases(ids: string[]): Promise<BenchCase[]> {
  const wanted = ids.length > 0 ? ids : CASE_IDS;
  const present = wanted.filter((id) => existsSync(path.join(root, 'bench', 'cases', `${id}.ts`)));
  const missing = ids.filter((id) => !present.includes(id));
  if (missing.length > 0) {
    console.error(`benchmark not written yet: ${missing.join(', ')}`);
    process.exit(2);
  }
  return Promise.all(
    present.map(
      async (id) => ((await import(`./cases/${id}.ts`)) as { default: BenchCase }).default,
    ),
  );
}

function formatValue(value: number, unit: string): string {
  return `${value.toLocaleString('en-US')} ${unit}`;
}

function printTable(results: CaseResult[]): void {
  const rows = [['case', 'figure', 'value', 'compared with', 'target', 'met']];
  for (const result of results) {
    if (result.error) {
      rows.push([result.id, 'ERROR', result.error.split('\n')[0]!.slice(0, 100), '', '', 'no']);
      continue;
    }
    for (const f of result.figures) {
      rows.push([
        result.id,
        f.name,
        formatValue(f.value, f.unit),
        f.comparedWith
          ? `${f.comparedWith.name}: ${formatValue(f.comparedWith.value, f.comparedWith.unit)}`
          : '',
        f.target ?? '',
        f.met === undefined ? '' : f.met ? 'yes' : 'no',
      ]);
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
  console.log(`\n${line(rows[0]!)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const row of rows.slice(1)) console.log(line(row));
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    // Timings depend on what else runs: the 1-minute load average when the run ended.
    loadAverage: Math.round(os.loadavg()[0]! * 10) / 10,
  };
}

/** A run of some cases keeps the other cases' earlier figures; each case says when it was measured. */
function mergedWithEarlier(file: string, results: CaseResult[]): CaseResult[] {
  if (!existsSync(file)) return results;
  let earlier: CaseResult[] = [];
  try {
    earlier = (JSON.parse(readFileSync(file, 'utf8')) as { cases?: CaseResult[] }).cases ?? [];
  } catch {
    return results;
  }
  const fresh = new Set(results.map((r) => r.id));
  return [...earlier.filter((r) => !fresh.has(r.id)), ...results];
}

async function main() {
  // The console's server modules import 'server-only', which only resolves under the react-server condition.
  if (!process.execArgv.some((arg) => /^--conditions?=react-server$/.test(arg))) {
    console.error(
      'run the benchmarks with `npm run bench` (tsx --conditions=react-server bench/run.ts)',
    );
    process.exit(2);
  }
  const { mode, ids } = parseCommandLine();
  const cases = await loadCases(ids);
  const results: CaseResult[] = [];
  for (const benchCase of cases) {
    console.log(`bench: ${benchCase.id} (${benchCase.title}, ${mode})…`);
    const start = performance.now();
    const result: CaseResult = {
      id: benchCase.id,
      title: benchCase.title,
      measuredAt: new Date().toISOString(),
      seconds: 0,
      figures: [],
    };
    try {
      result.figures = await benchCase.run(mode);
    } catch (error) {
      result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`bench: ${benchCase.id} failed: ${result.error}`);
    }
    result.seconds = Math.round((performance.now() - start) / 100) / 10;
    results.push(result);
  }
  printTable(results);
  const file =
    mode === 'full'
      ? path.join(root, 'bench', 'results.json')
      : path.join(root, 'test-results', 'bench-smoke.json');
  mkdirSync(path.dirname(file), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    mode,
    machine: machine(),
    cases: mode === 'full' ? mergedWithEarlier(file, results) : results,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  const failed = results.filter((r) => r.error).length;
  console.log(
    `\nFigures written to ${path.relative(root, file)} (${report.machine.cpus} CPUs, load average ${report.machine.loadAverage}).`,
  );
  // scripts/test.mjs counts this line: a case that ran is a passed test, a case that threw a failed one.
  console.log(`bench: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

await main();
