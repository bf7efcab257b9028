// jira:adminPage — Harmony's settings: the Jira mapping, and teams and periods through the plan file.
import '../../../ui/theme/base.css';
import '../../../ui/theme/jira.css';
import '../forge.css';
import { mountForge } from '../mount';
import { adminCall } from './admin-client';
import { PlanFileForm } from './PlanFileForm';
import { SettingsForm } from './SettingsForm';
import { DigestSettingsForm } from '../../../ui/cadence/DigestSettingsForm';

mountForge(() => (
  <div className="hf-page">
    <h1 className="h-page-title">Harmony settings</h1>
    <div className="hf-section">
      <SettingsForm call={adminCall} />
    </div>
    <div className="hf-section">
      <PlanFileForm />
    </div>
    <div className="hf-section">
      <DigestSettingsForm />
    </div>
  </div>
));
