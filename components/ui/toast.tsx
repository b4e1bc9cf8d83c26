'use client';
// Toasts for action results: success fades after a while, errors stay until dismissed.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
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

const ToastContext = createContext<(toast: ToastInput) => void>(() => undefined);

export function useToast() {
  return useContext(ToastContext);
}

let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback(
    (id: number) => setToasts((all) => all.filter((t) => t.id !== id)),
    [],
  );
  const push = useCallback(
    (toast: ToastInput) => {
      const id = nextId++;
      setToasts((all) => [...all.slice(-1), { ...toast, id }]);
      if (toast.kind === 'success') setTimeout(() => dismiss(id), 8_000);
    },
    [dismiss],
  );
  const value = useMemo(() => push, [push]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div
        aria-live="polite"
        className="fixed right-4 bottom-4 z-50 flex w-[28rem] max-w-[calc(100vw-2rem)] flex-col gap-2"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.kind === 'error' ? 'alert' : 'status'}
            data-testid="toast"
            className={`card p-3 shadow-lg ${toast.kind === 'error' ? 'border-red-400 dark:border-red-700' : 'border-emerald-400 dark:border-emerald-700'}`}
          >
            <div className="flex items-start justify-between gap-2">
              <p className="text-sm font-semibold">
                <span aria-hidden>{toast.kind === 'error' ? '✕ ' : '✓ '}</span>
                {toast.title}
              </p>
              <button
                type="button"
                className="text-xs text-zinc-500 hover:text-zinc-900"
                onClick={() => dismiss(toast.id)}
                aria-label="Dismiss"
              >
                Close
              </button>
            </div>
            {toast.message ? <p className="mt-1 text-sm">{toast.message}</p> : null}
            {toast.cli ? <CliBlock cli={toast.cli} /> : null}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
