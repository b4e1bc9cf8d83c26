// A step's action button: disabled while running, with a spinner, what it is doing and for how long.
import { ProgressLabel } from '@/components/actions/progress-label';

export function ActionButton({
  pending,
  label,
  pendingLabel,
  disabled,
  onClick,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  disabled?: boolean;
  onClick?: () => void;
}) {
  return (
    <button
      type={onClick ? 'button' : 'submit'}
      className="btn btn-primary"
      disabled={pending || disabled}
      aria-busy={pending || undefined}
      onClick={onClick}
    >
      <ProgressLabel pending={pending} label={label} pendingLabel={pendingLabel} />
    </button>
  );
}
