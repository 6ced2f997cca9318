/** The mark on a field an administrator decides; the title is read out by screen readers. */
export function LockBadge({ title }: { title: string }) {
  return (
    <span className="lock-badge" title={title} aria-label={title} role="img">
      🔒
    </span>
  );
}
