/**
 * Pulls email addresses out of whatever a recipient field holds: `Name <a@b.c>, d@e.f`, a chip's
 * `email` attribute, a hovercard id. Kept loose on purpose: a missed recipient only makes the
 * draft count as external, which is the safe side.
 */
const ADDRESS_RE = /[^\s<>,;:"'()[\]]+@[^\s<>,;:"'()[\]]+\.[^\s<>,;:"'()[\]]+/gu;

export function addressesIn(text: string | null | undefined): string[] {
  if (!text) return [];
  return (text.match(ADDRESS_RE) ?? []).map((a) => a.replace(/[.,;]+$/u, '').toLowerCase());
}

export function uniqueAddresses(list: Iterable<string>): string[] {
  return [...new Set(list)];
}
