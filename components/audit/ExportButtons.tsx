import type { AuditTranslator } from '../../lib/i18n/audit.ts';

export type ExportState =
  | { state: 'idle' }
  | { state: 'running'; format: 'csv' | 'json'; done: number; total: number }
  | { state: 'done'; events: number }
  | { state: 'failed'; error: string };

export function ExportButtons(props: { value: ExportState; onExport: (format: 'csv' | 'json') => void; t: AuditTranslator }) {
  const { value, onExport, t } = props;
  const running = value.state === 'running';
  return (
    <div className="export no-print">
      <button type="button" data-action="export-csv" disabled={running} onClick={() => onExport('csv')}>
        {t('exportCsv')}
      </button>{' '}
      <button type="button" data-action="export-json" disabled={running} onClick={() => onExport('json')}>
        {t('exportJson')}
      </button>{' '}
      {running ? <progress max={value.total || 1} value={value.done} /> : null}
      <span className="export-status" role="status">
        {running
          ? t('exporting', { done: value.done, total: value.total })
          : value.state === 'done'
            ? t('exportDone', { count: value.events })
            : value.state === 'failed'
              ? t('exportFailed', { error: value.error })
              : ''}
      </span>
    </div>
  );
}
