/**
 * The typing marker: a quiet badge beside the editor (never inside it) saying the draft holds a
 * personal contact. Props in, nothing out; positioned by its host.
 */
export interface MarkerProps {
  label: string;
  details: string[];
}

export const MARKER_CSS = `
:host { all: initial; }
.badge { display: inline-flex; align-items: center; gap: 4px; font: 12px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans JP", sans-serif; background: #fef3c7; color: #92400e; border: 1px solid #f59e0b; border-radius: 999px; padding: 2px 8px; box-shadow: 0 1px 3px rgba(0,0,0,.15); white-space: nowrap; }
.badge::before { content: "⚠"; }
`;

export function Marker({ label, details }: MarkerProps) {
  return (
    <span className="badge" role="status" title={details.join('\n')}>
      {label}
    </span>
  );
}
