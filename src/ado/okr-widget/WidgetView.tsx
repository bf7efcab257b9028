// The widget's face on a dashboard: a few lines that fit a 2×2 tile, with words next to every
// colour (health and status pills), and progress bars that say their number.
import type { KpiReport } from '../../core/report/types';
import { Pill } from '../../ui/components/Pill';
import { ProgressBar } from '../../ui/components/ProgressBar';
import { StatusPill } from '../../ui/components/StatusPill';
import { percent, plural, withUnit } from '../../ui/format/numbers';
import { shortFigure } from '../../ui/format/kind-text';
import { healthLabel, healthTone, statusTone } from '../../ui/format/status';
import type { WidgetData } from './widget-data';

const HEALTH_ORDER: KpiReport['health'][] = ['breached', 'warning', 'healthy', 'no-data', 'no-target'];

function KpiLine({ kpi }: { kpi: KpiReport }) {
  const value = kpi.value === undefined ? 'no reading' : withUnit(kpi.value, kpi.unit);
  const target = kpi.target === undefined ? '' : ` · target ${withUnit(kpi.target, kpi.unit)}`;
  return (
    <li className="ado-widget-line">
      <span className="ado-widget-name" title={kpi.title}>
        {kpi.title}
      </span>
      <span className="ado-widget-value">
        {value}
        <span className="h-subtle">{target}</span>
      </span>
      <Pill tone={healthTone(kpi.health)}>{healthLabel(kpi.health)}</Pill>
    </li>
  );
}

/** Lines of `lineHeight` px that fit a tile `rows` cells high (160 px a cell, 10 px between) under `chrome` px. */
export function linesThatFit(rows: number, chrome: number, lineHeight: number): number {
  const height = rows * 160 + (rows - 1) * 10;
  return Math.max(1, Math.floor((height - chrome) / lineHeight));
}

export function WidgetView({ title, data, rows = 2 }: { title: string; data: WidgetData; rows?: number }) {
  if (data.show === 'missing') {
    return (
      <section className="ado-widget" aria-label={title}>
        <h2 className="ado-widget-title">{title}</h2>
        <p role="alert" className="h-notice h-tone-warning">
          Objective {data.objective} is no longer in the plan. Configure the widget to choose another.
        </p>
      </section>
    );
  }
  if (data.show === 'kpis') {
    const kpis = [...data.readout.kpis].sort((a, b) => HEALTH_ORDER.indexOf(a.health) - HEALTH_ORDER.indexOf(b.health));
    // Worst first, as many as fit the tile; the footer counts them all.
    const shown = kpis.slice(0, linesThatFit(rows, 112, 42));
    const counts = HEALTH_ORDER.map((h) => [h, kpis.filter((k) => k.health === h).length] as const).filter(([, n]) => n > 0);
    return (
      <section className="ado-widget" aria-label={title}>
        <h2 className="ado-widget-title">{title}</h2>
        <p className="ado-widget-summary">
          {counts.map(([health, n]) => (
            <Pill key={health} tone={healthTone(health)}>
              {n} {healthLabel(health).toLowerCase()}
            </Pill>
          ))}
          {kpis.length === 0 && <span className="h-empty">No KPIs in the plan yet.</span>}
        </p>
        <ul className="ado-widget-list">
          {shown.map((k) => (
            <KpiLine key={k.id} kpi={k} />
          ))}
        </ul>
        {/* The tile shows what fits, worst first; the count says how many there are in all. */}
        <p className="h-subtle ado-widget-foot">
          {plural(kpis.length, 'KPI')}
          {shown.length < kpis.length ? ` (${shown.length} shown)` : ''}
          {data.team ? ` of team ${data.team}` : ''} · as of {data.readout.at}
        </p>
      </section>
    );
  }
  const { objective } = data;
  const krs = data.keyResults.slice(0, linesThatFit(rows, 150, 44));
  return (
    <section className="ado-widget" aria-label={title}>
      <h2 className="ado-widget-title">{title}</h2>
      <p className="ado-widget-objective">
        <span className="h-kr-id">{objective.id}</span>
        {objective.title}
      </p>
      <div className="ado-widget-summary">
        <StatusPill status={objective.status} />
        <span className="h-subtle">
          {data.teamName} · {objective.period}
        </span>
      </div>
      <ProgressBar value={objective.progress} label={`${objective.id} progress`} tone={statusTone(objective.status)} expected={objective.expected} />
      <ul className="ado-widget-list">
        {krs.map((kr) => (
          <li key={kr.id} className="ado-widget-kr">
            <span className="ado-widget-name" title={kr.title}>
              <span className="h-kr-id">{kr.id}</span>
              {kr.title}
            </span>
            <ProgressBar
              value={kr.progress}
              label={kr.title}
              tone={statusTone(kr.status)}
              detail={shortFigure(kr)}
            />
          </li>
        ))}
      </ul>
      <p className="h-subtle ado-widget-foot">
        Expected by now {percent(objective.expected)} · as of {data.at}
        {krs.length < objective.keyResults.length ? ` · ${plural(objective.keyResults.length, 'key result')} (${krs.length} shown)` : ''}
      </p>
    </section>
  );
}
