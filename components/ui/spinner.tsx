type SpinnerProps = { size?: 'sm' | 'md'; label?: string };

/** A rotating ring; `label` is announced to screen readers (empty: decorative). */
export function Spinner({ size = 'md', label = 'Loading…' }: SpinnerProps) {
  return (
    <span className={`spinner spinner-${size}`} role={label ? 'status' : undefined} aria-hidden={label ? undefined : true}>
      {label ? <span className="visually-hidden">{label}</span> : null}
    </span>
  );
}
