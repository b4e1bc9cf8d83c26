'use client';
// Each backend's share of each second's answers, stacked to 100 %, with a marker wherever the backend set changed.
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { tooltipStyle } from '@/components/traffic/chart-style';
import type { BackendChange, TimelinePoint } from '@/lib/schemas/traffic';

function changeLabel(change: BackendChange): string {
  return [
    change.added.length ? `+${change.added.length}` : '',
    change.removed.length ? `−${change.removed.length}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function SharesChart({
  timeline,
  changes,
  ids,
  colorOf,
}: {
  timeline: TimelinePoint[];
  changes: BackendChange[];
  ids: string[];
  colorOf: (id: string) => string;
}) {
  const data = timeline.map((point) => ({ t: point.t, ...point.counts }));
  return (
    <figure
      aria-label="Share of requests per backend over time"
      data-testid="shares-chart"
      className="text-muted"
    >
      <div className="h-64 w-full">
        <ResponsiveContainer>
          <AreaChart
            data={data}
            stackOffset="expand"
            margin={{ top: 16, right: 16, bottom: 0, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#a1a1aa55" />
            <XAxis
              dataKey="t"
              allowDecimals={false}
              type="number"
              domain={['dataMin', 'dataMax']}
              unit=" s"
              tick={{ fontSize: 11, fill: 'currentColor' }}
              stroke="currentColor"
            />
            <YAxis
              tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
              tick={{ fontSize: 11, fill: 'currentColor' }}
              stroke="currentColor"
              width={44}
            />
            <Tooltip
              contentStyle={tooltipStyle}
              formatter={(value, name) => [String(value), `${String(name)} (requests)`]}
              labelFormatter={(t) => `second ${String(t)}`}
            />
            <Legend
              wrapperStyle={{ fontSize: 11, fontFamily: 'ui-monospace, monospace' }}
              formatter={(value) => <span className="text-fg">{String(value)}</span>}
            />
            {ids.map((id) => (
              <Area
                key={id}
                type="stepAfter"
                dataKey={id}
                stackId="shares"
                stroke={colorOf(id)}
                fill={colorOf(id)}
                fillOpacity={0.55}
                isAnimationActive={false}
                connectNulls
              />
            ))}
            {changes.map((change) => (
              <ReferenceLine
                key={`${change.t}-${change.added.join()}-${change.removed.join()}`}
                x={change.t}
                stroke="currentColor"
                strokeDasharray="4 2"
                label={{
                  value: changeLabel(change),
                  position: 'top',
                  fontSize: 11,
                  fill: 'currentColor',
                }}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        {changes.length === 0
          ? 'The set of backends has not changed.'
          : changes.map((c) => `At ${c.t} s: ${changeLabel(c)} backends.`).join(' ')}
      </figcaption>
    </figure>
  );
}
