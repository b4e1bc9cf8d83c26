'use client';
// Errors per second by kind: HTTP status codes from Traefik and connection failures (refused, reset, timeout).
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { tooltipStyle } from '@/components/traffic/chart-style';
import type { TimelinePoint } from '@/lib/schemas/traffic';
import { errorColor } from '@/components/traffic/backend-colors';

export function ErrorsChart({ timeline, kinds }: { timeline: TimelinePoint[]; kinds: string[] }) {
  const data = timeline.map((point) => ({ t: point.t, ...point.errors }));
  return (
    <figure
      aria-label="Errors per second by kind"
      data-testid="errors-chart"
      className="text-muted"
    >
      <div className="h-40 w-full">
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#a1a1aa55" />
            <XAxis
              dataKey="t"
              allowDecimals={false}
              unit=" s"
              tick={{ fontSize: 11, fill: 'currentColor' }}
              stroke="currentColor"
            />
            <YAxis
              allowDecimals={false}
              tick={{ fontSize: 11, fill: 'currentColor' }}
              stroke="currentColor"
              width={44}
            />
            <Tooltip contentStyle={tooltipStyle} labelFormatter={(t) => `second ${String(t)}`} />
            <Legend
              wrapperStyle={{ fontSize: 11 }}
              formatter={(value) => <span className="text-fg">{String(value)}</span>}
            />
            {kinds.map((kind, i) => (
              <Bar
                key={kind}
                dataKey={kind}
                stackId="errors"
                fill={errorColor(kind, i)}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
