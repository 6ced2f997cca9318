import { DECISIONS } from '../../lib/messaging/protocol.ts';
import type { DayCount } from '../../lib/audit/summary.ts';
import type { AuditTranslator } from '../../lib/i18n/audit.ts';
import { DECISION_COLOURS } from './format.ts';

const HEIGHT = 140;
const MAX_BAR = 24;

/** Stacked bars per day, plain SVG: one chart is not worth a charting library in the bundle. */
export function DailyChart(props: { days: readonly DayCount[]; t: AuditTranslator }) {
  const { days, t } = props;
  const max = Math.max(1, ...days.map((d) => d.total));
  const bar = Math.max(2, Math.min(MAX_BAR, Math.floor(600 / Math.max(1, days.length)) - 2));
  const width = Math.max(200, days.length * (bar + 2));
  const used = DECISIONS.filter((decision) => days.some((d) => d.byDecision[decision]));
  return (
    <figure className="chart">
      <figcaption>{t('chartTitle')}</figcaption>
      <svg width={width} height={HEIGHT + 16} role="img" aria-label={t('chartTitle')}>
        {days.map((day, i) => {
          let y = HEIGHT;
          return (
            <g key={day.day} transform={`translate(${i * (bar + 2)},0)`}>
              <title>{`${day.day}: ${day.total}`}</title>
              {DECISIONS.map((decision) => {
                const count = day.byDecision[decision] ?? 0;
                if (!count) return null;
                const h = (count / max) * HEIGHT;
                y -= h;
                return <rect key={decision} x={0} y={y} width={bar} height={h} fill={DECISION_COLOURS[decision]} />;
              })}
            </g>
          );
        })}
        {days.length > 0 ? (
          <>
            <text x={0} y={HEIGHT + 13} fontSize={10}>
              {days[0]!.day}
            </text>
            <text x={width} y={HEIGHT + 13} fontSize={10} textAnchor="end">
              {days[days.length - 1]!.day}
            </text>
          </>
        ) : null}
      </svg>
      <ul className="legend">
        {used.map((decision) => (
          <li key={decision}>
            <span className="swatch" style={{ background: DECISION_COLOURS[decision] }} /> {t(`decision.${decision}`)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
