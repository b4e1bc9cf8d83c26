// Status words for Traefik objects, as text plus icon.
import { StatusBadge, type Tone } from '@/components/ui/status-badge';

const TONES: Record<string, Tone> = {
  enabled: 'good',
  UP: 'good',
  warning: 'warn',
  disabled: 'bad',
  DOWN: 'bad',
};

export function TraefikStatus({ status }: { status: string | null }) {
  return <StatusBadge status={status ?? 'unknown'} tone={TONES[status ?? ''] ?? 'neutral'} />;
}
