import type { ReactNode } from 'react';

type AlertProps = {
  tone?: 'error' | 'success' | 'info' | 'warning';
  title?: string;
  children?: ReactNode;
  testId?: string;
};

/** Errors interrupt (role=alert); everything else is announced politely (role=status). */
export function Alert({ tone = 'error', title, children, testId }: AlertProps) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {title ? <p className="alert-title">{title}</p> : null}
      {children ? <div className="alert-body">{children}</div> : null}
    </div>
  );
}
