// bench/types.ts — the contract between the bench runner and each benchmark case.
export type BenchMode = 'smoke' | 'full';

export interface BenchFigure {
  /** What was measured, e.g. "snapshot wall time". */
  name: string;
  value: number;
  unit: string;
  /** The figure it sits beside, measured in the same run (moto, wrk, the target...). */
  comparedWith?: { name: string; value: number; unit: string };
  /** The goal from the issue, in words, e.g. "≤ 300 ms". */
  target?: string;
  /** Whether the target was met; undefined when there is no target. */
  met?: boolean;
  note?: string;
}

export interface BenchCase {
  id: string;
  title: string;
  /** Smoke runs use tiny sizes so `npm test` proves the case still works; never fail on timing. */
  run(mode: BenchMode): Promise<BenchFigure[]>;
}
