import type { ReactNode } from 'react';

/**
 * A message box. Errors use role="alert" so they are read out as soon as they appear; good news
 * uses role="status", which waits for the screen reader to finish what it was saying.
 */
export function Alert({ tone, children }: { tone: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function ErrorAlert({ message }: { message: string | null | undefined }) {
  return message ? <Alert tone="error">{message}</Alert> : null;
}
