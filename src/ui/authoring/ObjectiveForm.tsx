// Create or edit an objective: title, team, period, owner (a person) and what it aligns to
// (picked from a search). Its KRs are edited one by one (KeyResultForm).
import type { BoardTeam, ObjectiveInput } from '../../app/api';
import { useApi } from '../client/api-context';
import { periodOptions, teamOptions, useAlignTargets, useOutline } from './authoring-data';
import { FormFooter, SelectField, TextField } from './FormFields';
import { optional, usePartForm } from './part-form';
import { AlignmentPicker, OwnerPicker } from './Pickers';

type Objective = BoardTeam['objectives'][number];
const LABELS = { title: 'Title', team: 'Team', period: 'Period', owner: 'Owner', aligns: 'Aligns to' };
type ObjectiveFields = { [K in keyof typeof LABELS]: string };

const fieldsOf = (o: Partial<Objective> | undefined, defaults: Partial<ObjectiveFields> = {}): ObjectiveFields => ({
  title: o?.title ?? '',
  team: o?.team ?? defaults.team ?? '',
  period: o?.period ?? defaults.period ?? '',
  owner: o?.owner ?? '',
  aligns: o?.aligns ?? '',
});

export function ObjectiveForm({ objective, defaults, onDone, onCancel }: { objective?: Objective; defaults?: Partial<ObjectiveFields>; onDone: (message: string) => Promise<void>; onCancel: () => void }) {
  const api = useApi();
  const outline = useOutline();
  const targets = useAlignTargets();
  const form = usePartForm<ObjectiveFields, ObjectiveInput, Objective>({
    initial: fieldsOf(objective, defaults),
    version: objective?.version ?? null,
    prefix: 'objective',
    labels: LABELS,
    parse: (f) => {
      const payload: ObjectiveInput = { title: f.title.trim(), team: f.team, period: f.period };
      if (objective) payload.id = objective.id;
      const owner = optional(f.owner);
      if (owner) payload.owner = owner;
      // An edit that clears the alignment says so (null); a new objective simply has none.
      payload.aligns = optional(f.aligns) ?? (objective?.aligns ? null : undefined);
      if (payload.aligns === undefined) delete payload.aligns;
      if (!f.team) return { errors: { team: 'Choose the team this objective belongs to.' } };
      if (!f.period) return { errors: { period: 'Choose the period of this objective.' } };
      return { payload };
    },
    save: (payload, expected) => api('saveObjective', { objective: payload, expected }),
    latest: async () => {
      if (!objective) return undefined;
      const board = await api('getBoard', {});
      const now = board.teams.flatMap((t) => t.objectives).find((o) => o.id === objective.id);
      return now && { version: now.version, fields: fieldsOf(now) };
    },
    onSaved: (saved) => onDone(objective ? `Saved ${saved.id} “${saved.title}”.` : `Created ${saved.id} “${saved.title}”.`),
  });
  const exclude = new Set(objective ? [objective.id, ...objective.keyResults] : []);
  return (
    <form className="h-author-form" onSubmit={(e) => void form.submit(e)} noValidate aria-label={objective ? `Edit objective ${objective.id}` : 'New objective'}>
      <h3 className="h-author-title">{objective ? `Edit ${objective.id}` : 'New objective'}</h3>
      <div className="h-author-fields">
        <TextField form={form} name="title" label="Title" grow autoFocus />
        <SelectField form={form} name="team" label="Team" options={teamOptions(outline.data)} empty={outline.status === 'loading' ? 'Loading…' : 'Choose a team'} />
        <SelectField form={form} name="period" label="Period" options={periodOptions(outline.data)} empty={outline.status === 'loading' ? 'Loading…' : 'Choose a period'} />
        <OwnerPicker form={form} name="owner" label="Owner" />
        <AlignmentPicker form={form} name="aligns" label="Aligns to" targets={targets} exclude={exclude} />
      </div>
      {outline.data && (outline.data.teams.length === 0 || outline.data.periods.length === 0) && (
        <p className="h-notice h-tone-warning">An objective needs a team and a period: create them first (Teams and periods).</p>
      )}
      <FormFooter form={form} saveLabel={objective ? 'Save objective' : 'Create objective'} onCancel={onCancel} />
    </form>
  );
}
