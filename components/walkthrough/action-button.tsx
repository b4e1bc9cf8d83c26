// A step's action button: disabled while running, with a spinner and what it is doing.
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
      {pending ? (
        <span
          aria-hidden
          className="inline-block h-3.5 w-3.5 animate-spin rounded-full border-2 border-white/40 border-t-white"
        />
      ) : null}
      {pending ? pendingLabel : label}
    </button>
  );
}
