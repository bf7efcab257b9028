// Teams (with their parent team) and periods (id and dates), the plan's structure.
import type { PeriodInput, PlanOutline, TeamInput } from '../../app/api';
import { useApi } from '../client/api-context';
import { FormFooter, SelectField, TextField } from './FormFields';
import { optional, usePartForm } from './part-form';

type Team = PlanOutline['teams'][number];
type Period = PlanOutline['periods'][number];
interface Done {
  onDone: (message: string) => Promise<void>;
  onCancel: () => void;
}

const TEAM_LABELS = { name: 'Name', parent: 'Part of' };
type TeamFields = { [K in keyof typeof TEAM_LABELS]: string };

export function TeamForm({ team, teams, onDone, onCancel }: Done & { team?: Team; teams: readonly Team[] }) {
  const api = useApi();
  const fieldsOf = (t: Team | undefined): TeamFields => ({ name: t?.name ?? '', parent: t?.parent ?? '' });
  const form = usePartForm<TeamFields, TeamInput, Team>({
    initial: fieldsOf(team),
    version: team?.version ?? null,
    prefix: 'team',
    labels: TEAM_LABELS,
    parse: (f) => {
      const payload: TeamInput = { name: f.name.trim() };
      if (team) payload.id = team.id;
      const parent = optional(f.parent);
      if (parent) payload.parent = parent;
      return { payload };
    },
    save: (payload, expected) => api('saveTeam', { team: payload, expected }),
    latest: async () => {
      const now = team && (await api('getPlanOutline', {})).teams.find((t) => t.id === team.id);
      return now && { version: now.version, fields: fieldsOf(now) };
    },
    onSaved: (saved) => onDone(team ? `Saved team ${saved.name}.` : `Created team ${saved.name}.`),
  });
  const parents = teams.filter((t) => t.id !== team?.id).map((t) => ({ value: t.id, label: t.name }));
  return (
    <form className="h-author-form" onSubmit={(e) => void form.submit(e)} noValidate aria-label={team ? `Edit team ${team.name}` : 'New team'}>
      <h3 className="h-author-title">{team ? `Edit team ${team.name}` : 'New team'}</h3>
      <div className="h-author-fields">
        <TextField form={form} name="name" label="Name" grow autoFocus />
        <SelectField form={form} name="parent" label="Part of" options={parents} empty="No parent (top level)" />
      </div>
      <FormFooter form={form} saveLabel={team ? 'Save team' : 'Create team'} onCancel={onCancel} />
    </form>
  );
}

const PERIOD_LABELS = { id: 'Name', start: 'Starts', end: 'Ends (inclusive)' };
type PeriodFields = { [K in keyof typeof PERIOD_LABELS]: string };

export function PeriodForm({ period, onDone, onCancel }: Done & { period?: Period }) {
  const api = useApi();
  const fieldsOf = (p: Period | undefined): PeriodFields => ({ id: p?.id ?? '', start: p?.start ?? '', end: p?.end ?? '' });
  const form = usePartForm<PeriodFields, PeriodInput, Period>({
    initial: fieldsOf(period),
    version: period?.version ?? null,
    prefix: 'period',
    labels: PERIOD_LABELS,
    parse: (f) => {
      // Date inputs give YYYY-MM-DD or nothing; the app says what is wrong with a bad one.
      const value = { id: f.id.trim(), start: f.start.trim(), end: f.end.trim() };
      return { payload: value as PeriodInput };
    },
    save: (payload, expected) => api('savePeriod', { period: payload, expected }),
    latest: async () => {
      const now = period && (await api('getPlanOutline', {})).periods.find((p) => p.id === period.id);
      return now && { version: now.version, fields: fieldsOf(now) };
    },
    onSaved: (saved) => onDone(period ? `Saved period ${saved.id}.` : `Created period ${saved.id}.`),
  });
  return (
    <form className="h-author-form" onSubmit={(e) => void form.submit(e)} noValidate aria-label={period ? `Edit period ${period.id}` : 'New period'}>
      <h3 className="h-author-title">{period ? `Edit period ${period.id}` : 'New period'}</h3>
      <div className="h-author-fields">
        {period ? <p className="h-field">Period {period.id}</p> : <TextField form={form} name="id" label="Name (e.g. 2027-Q1)" autoFocus />}
        <TextField form={form} name="start" label="Starts" type="date" autoFocus={Boolean(period)} />
        <TextField form={form} name="end" label="Ends (inclusive)" type="date" />
      </div>
      <FormFooter form={form} saveLabel={period ? 'Save period' : 'Create period'} onCancel={onCancel} />
    </form>
  );
}
