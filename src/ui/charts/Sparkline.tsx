// A KPI's readings in a word-sized line. Decorative for sighted users next to the value; its
// label lists the readings for everyone else.
import { decimal } from '../format/numbers';
import { polylinePoints } from './scale';
import { sparkline } from './sparkline';

const SIZE = { width: 140, height: 36, pad: 4 };

export function Sparkline({ name, readings, target }: { name: string; readings: { at: string; value: number }[]; target?: number }) {
  const geometry = sparkline(readings, SIZE, target);
  if (!geometry) return <span className="h-subtle">No readings</span>;
  const shown = readings.slice(-6);
  const label = `${name} readings${readings.length > shown.length ? ' (latest 6)' : ''}: ${shown.map((r) => `${decimal(r.value)} on ${r.at}`).join(', ')}`;
  return (
    <svg className="h-sparkline" viewBox={`0 0 ${SIZE.width} ${SIZE.height}`} width={SIZE.width} height={SIZE.height} role="img" aria-label={label}>
      {geometry.targetY !== undefined && <line className="h-spark-target" x1={0} x2={SIZE.width} y1={geometry.targetY} y2={geometry.targetY} />}
      <polyline className="h-spark-line" points={polylinePoints(geometry.line)} />
      <circle className="h-spark-dot" cx={geometry.last.x} cy={geometry.last.y} r={3} />
    </svg>
  );
}
