import type { DiagnosticEntry } from '../../lib/diagnostics/entry.ts';
import type { Language } from '../../lib/i18n/core.ts';
import { diagnosticsMessages } from '../../lib/i18n/diagnostics.ts';

/** "Problems on pages": what content scripts reported (issue 4: failures are logged, for the admin). */
export function DiagnosticsPanel({ entries, language }: { entries: readonly DiagnosticEntry[]; language: Language }) {
  const t = diagnosticsMessages(language);
  const time = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' });
  const newestFirst = [...entries].reverse();
  return (
    <section className="diagnostics" aria-labelledby="diagnostics-heading" data-count={entries.length}>
      <h2 id="diagnostics-heading">{t('heading')}</h2>
      <p className="hint">{t('intro')}</p>
      {newestFirst.length === 0 ? (
        <p className="empty">{t('none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('site')}</th>
              <th scope="col">{t('adapter')}</th>
              <th scope="col">{t('problem')}</th>
              <th scope="col">{t('times')}</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((entry) => (
              <tr key={`${entry.level}|${entry.site}|${entry.adapter}|${entry.message}`} data-diagnostic-level={entry.level} data-site={entry.site}>
                <td>{time.format(entry.at)}</td>
                <td>{entry.site}</td>
                <td>{entry.adapter}</td>
                <td>
                  <span className={`level ${entry.level}`}>{t(`level.${entry.level}`)}</span> {entry.message}
                </td>
                <td>{entry.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
