import type { Language } from '../../lib/i18n/core.ts';

export function timeFormatter(language: Language): (time: number) => string {
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' });
  return (time) => format.format(time);
}

/** Fill colours of the decisions in the chart and the table badges, one fixed colour per decision. */
export const DECISION_COLOURS: Record<string, string> = {
  detected: '#9aa0a6',
  replaced: '#1b7a3a',
  edited: '#4c8bf5',
  'sent-anyway': '#d93025',
  'false-positive': '#f29900',
  blocked: '#7b1fa2',
  monitored: '#00838f',
  cancelled: '#5f6368',
};
