// A status as text plus an icon (never colour alone).
const tones = {
  good: { icon: '●', className: 'text-emerald-700 dark:text-emerald-400' },
  warn: { icon: '◐', className: 'text-amber-700 dark:text-amber-400' },
  bad: { icon: '✕', className: 'text-red-700 dark:text-red-400' },
  neutral: { icon: '○', className: 'text-muted' },
} as const;

export type Tone = keyof typeof tones;

export function toneOf(status: string): Tone {
  if (['RUNNING', 'ACTIVE', 'COMPLETED', 'connected', 'Online', 'PRIMARY'].includes(status))
    return 'good';
  // STOPPED alone is routine (scaled in, replaced); the stop code says whether it failed.
  if (
    [
      'FAILED',
      'disconnected',
      'INACTIVE',
      'MISSING',
      'ConnectionLost',
      'TaskFailedToStart',
      'EssentialContainerExited',
    ].includes(status)
  )
    return 'bad';
  if (
    [
      'PENDING',
      'PROVISIONING',
      'ACTIVATING',
      'DEACTIVATING',
      'STOPPING',
      'DEPROVISIONING',
      'IN_PROGRESS',
      'DRAINING',
    ].includes(status)
  )
    return 'warn';
  return 'neutral';
}

export function StatusBadge({ status, tone }: { status: string; tone?: Tone }) {
  const t = tones[tone ?? toneOf(status)];
  return (
    <span className={`inline-flex items-center gap-1 text-xs font-medium ${t.className}`}>
      <span aria-hidden>{t.icon}</span>
      {status}
    </span>
  );
}
