import type { PolicyProblem } from '../../lib/policy/resolve.ts';

export interface PolicyErrorsPanelProps {
  heading: string;
  problems: readonly PolicyProblem[];
  /** Sentence under the list, e.g. when the last good policy was received. */
  footer?: string;
  /** `alert` for errors that changed what is enforced; `status` for notes. */
  role: 'alert' | 'status';
  className: string;
}

export function PolicyErrorsPanel({ heading, problems, footer, role, className }: PolicyErrorsPanelProps) {
  if (problems.length === 0) return null;
  return (
    <section role={role} className={`panel ${className}`}>
      <h2>{heading}</h2>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`} data-path={p.path}>
            <code>{p.path}</code>: {p.message}
          </li>
        ))}
      </ul>
      {footer ? <p>{footer}</p> : null}
    </section>
  );
}
