import type { VitalsRecord } from '../../../../src-shared/visits/model';
import { useTranslation } from '../../i18n';

const WIDTH = 420;
const HEIGHT = 140;
const PAD = 24;

interface Series {
  label: string;
  className: string;
  values: (number | null)[];
}

/** A small line chart of blood pressure and pulse over the last visits, oldest on the left. */
export function VitalsChart({ history }: { history: VitalsRecord[] }) {
  const { t } = useTranslation('visits');
  const points = [...history].reverse().slice(-12);
  const series: Series[] = [
    { label: t('VitalsChart.systolic'), className: 'line-sys', values: points.map((p) => p.systolic) },
    { label: t('VitalsChart.diastolic'), className: 'line-dia', values: points.map((p) => p.diastolic) },
    { label: t('VitalsChart.pulse'), className: 'line-pulse', values: points.map((p) => p.pulse) },
  ];
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  if (all.length === 0) return <p className="muted">{t('VitalsChart.noBloodPressureOrPulse')}</p>;
  const min = Math.min(...all) - 10;
  const max = Math.max(...all) + 10;
  const x = (index: number) =>
    PAD + (points.length === 1 ? (WIDTH - 2 * PAD) / 2 : (index * (WIDTH - 2 * PAD)) / (points.length - 1));
  const y = (value: number) => HEIGHT - PAD - ((value - min) * (HEIGHT - 2 * PAD)) / (max - min);

  return (
    <figure className="vitals-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('VitalsChart.bloodPressureAndPulseLast', { pointsLength: points.length })}
      >
        <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} className="axis" />
        <text x={4} y={y(max - 10) + 4} className="tick">
          {Math.round(max - 10)}
        </text>
        <text x={4} y={y(min + 10) + 4} className="tick">
          {Math.round(min + 10)}
        </text>
        {series.map((s) => {
          const path = s.values
            .map((value, index) => (value === null ? null : `${x(index).toFixed(1)},${y(value).toFixed(1)}`))
            .filter((point): point is string => point !== null)
            .join(' ');
          return (
            <g key={s.label} className={s.className}>
              <polyline points={path} fill="none" />
              {s.values.map((value, index) =>
                value === null ? null : <circle key={index} cx={x(index)} cy={y(value)} r={3} />,
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        {series.map((s) => (
          <span key={s.label} className={`legend ${s.className}`}>
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
