// jira:globalPage (KPIs) — every KPI's health, latest value and trend.
import '../../../ui/theme/base.css';
import '../../../ui/theme/jira.css';
import '../forge.css';
import { KpiReadout } from '../../../ui/kpi/KpiReadout';
import { mountForge } from '../mount';

mountForge(() => (
  <div className="hf-page">
    <KpiReadout />
  </div>
));
