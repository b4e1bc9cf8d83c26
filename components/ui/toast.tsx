'use client';
// Toasts for action results: top right under the header, newest first, at most three; success fades after
// six seconds unless hovered or focused, errors stay until dismissed.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { CliBlock } from '@/components/ui/cli-block';

export interface ToastInput {
  kind: 'success' | 'error';
  title: string;
  message?: string;
  cli?: string;
}

interface Toast extends ToastInput {
  id: number;
}

const MAX_VISIBLE = 3;
const SUCCESS_MS = 6_000;

const ToastContext = createContext<(toast: ToastInput) => void>(() => undefined);

export function useToast() {
  return useContext(ToastContext);
}

let nextId = 1;

function ToastCard({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const [held, setHeld] = useState(false);
  const [showCli, setShowCli] = useState(false);
  useEffect(() => {
    if (toast.kind !== 'success' || held) return;
    const timer = setTimeout(() => onDismiss(toast.id), SUCCESS_MS);
    return () => clearTimeout(timer);
  }, [toast.kind, toast.id, held, onDismiss]);
  const error = toast.kind === 'error';
  return (
    <div
      role={error ? 'alert' : 'status'}
      aria-atomic="true"
      data-testid="toast"
      data-kind={toast.kind}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setHeld(false);
      }}
      className={`card pointer-events-auto border-l-4 px-3 py-2 shadow-lg ${error ? 'border-l-red-600' : 'border-l-emerald-600'}`}
    >
      <div className="flex items-center gap-2">
        <p className="min-w-0 flex-1 text-sm font-semibold">
          <span aria-hidden>{error ? '✕ ' : '✓ '}</span>
          {toast.title}
        </p>
        {toast.cli ? (
          // Folded, so a toast stays one line high and covers little of the page.
          <button
            type="button"
            className="btn btn-sm shrink-0"
            aria-expanded={showCli}
            aria-label="AWS CLI equivalent"
            onClick={() => setShowCli(!showCli)}
          >
            CLI
          </button>
        ) : null}
        <button
          type="button"
          className="btn btn-sm shrink-0"
          onClick={() => onDismiss(toast.id)}
          aria-label={`Dismiss: ${toast.title}`}
          title="Dismiss"
        >
          <span aria-hidden>✕</span>
        </button>
      </div>
      {toast.message ? <p className="mt-1 text-sm">{toast.message}</p> : null}
      {toast.cli ? (
        <div hidden={!showCli}>
          <CliBlock cli={toast.cli} />
        </div>
      ) : null}
    </div>
  );
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback(
    (id: number) => setToasts((all) => all.filter((t) => t.id !== id)),
    [],
  );
  const push = useCallback((toast: ToastInput) => {
    const id = nextId++;
    setToasts((all) => [{ ...toast, id }, ...all].slice(0, MAX_VISIBLE));
  }, []);
  const value = useMemo(() => push, [push]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <section
        aria-label="Notifications"
        className="pointer-events-none fixed top-14 right-4 z-50 flex w-[24rem] max-w-[calc(100vw-2rem)] flex-col gap-2"
      >
        {toasts.map((toast) => (
          <ToastCard key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </section>
    </ToastContext.Provider>
  );
}
