// A stable colour per backend, in the order backends first appear (a new backend never recolours the others).
import type { TimelinePoint } from '@/lib/schemas/traffic';

const PALETTE = [
  '#2563eb',
  '#16a34a',
  '#d97706',
  '#9333ea',
  '#0891b2',
  '#dc2626',
  '#4f46e5',
  '#65a30d',
  '#db2777',
  '#0d9488',
  '#ca8a04',
  '#7c3aed',
];

/** Colours in order of first answer over the whole run, so later backends never recolour earlier ones. */
export function backendColors(
  timeline: readonly TimelinePoint[],
  ids: readonly string[],
): (id: string) => string {
  const assigned = new Map<string, string>();
  const assign = (id: string) => {
    if (!assigned.has(id)) assigned.set(id, PALETTE[assigned.size % PALETTE.length]!);
  };
  for (const point of timeline) Object.keys(point.counts).forEach(assign);
  ids.forEach(assign);
  return (id) => assigned.get(id) ?? '#71717a';
}

export const ERROR_COLORS: Record<string, string> = {
  ECONNREFUSED: '#dc2626',
  ECONNRESET: '#ea580c',
  timeout: '#a16207',
  other: '#71717a',
};

export function errorColor(kind: string, index: number): string {
  return ERROR_COLORS[kind] ?? ['#b91c1c', '#be123c', '#c2410c', '#9f1239'][index % 4]!;
}
