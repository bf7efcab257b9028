// The admin page's Jira mapping (SPEC §6): which number field holds story points (the site's
// own list, from the backend) and which resolutions mean cancelled. Saved with the version it was
// read at, so two admins editing at once cannot overwrite each other unknowingly. Also who may do
// what (docs/permissions.md): the Jira groups whose members are Harmony admins besides Jira
// administrators, and the groups whose members are editors (none: everyone).
import { useEffect, useId, useState, type FormEvent } from 'react';
import { problemsFor } from '../../../ui/client/api-error';
import { ErrorNotice } from '../../../ui/components/ErrorNotice';
import { FieldMessage } from '../../../ui/components/FieldMessage';
import { errorMessage, isConflict } from '../../../ui/format/errors';
import { useLoad } from '../../../ui/hooks/use-load';
import type { AdminCall } from './admin-client';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function SettingsForm({ call }: { call: AdminCall }) {
  const id = useId();
  const settings = useLoad(() => call('getSettings', {}), [call]);
  const [primary, setPrimary] = useState('');
  const [fallback, setFallback] = useState('');
  const [resolutions, setResolutions] = useState('');
  const [adminGroups, setAdminGroups] = useState('');
  const [editorGroups, setEditorGroups] = useState('');
  const [errors, setErrors] = useState<{ fields?: string; resolutions?: string; groups?: string; form?: string }>({});
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  const view = settings.data;

  // Fill the form from what is stored each time it is (re)loaded.
  useEffect(() => {
    if (!view) return;
    setPrimary(view.storyPointFields[0] ?? '');
    setFallback(view.storyPointFields[1] ?? '');
    setResolutions(view.cancelledResolutions.join('\n'));
    setAdminGroups(view.adminGroups.join('\n'));
    setEditorGroups(view.editorGroups.join('\n'));
  }, [view]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!view) return;
    setErrors({});
    setSaved(undefined);
    const storyPointFields = [primary, fallback].filter((f, i, all) => f !== '' && all.indexOf(f) === i);
    setBusy(true);
    try {
      await call('saveSettings', {
        storyPointFields,
        cancelledResolutions: lines(resolutions),
        adminGroups: lines(adminGroups),
        editorGroups: lines(editorGroups),
        expected: view.version,
      });
      setSaved('Saved. Progress is recomputed with these settings in the next few minutes.');
      await settings.reload();
    } catch (error) {
      if (isConflict(error)) await settings.reload();
      const fields = problemsFor(error, 'storyPointFields')[0];
      const res = problemsFor(error, 'cancelledResolutions')[0];
      const groups = problemsFor(error, 'adminGroups')[0] ?? problemsFor(error, 'editorGroups')[0];
      setErrors({ fields, resolutions: res, groups, form: fields || res || groups ? undefined : errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  if (settings.status === 'loading') return <p className="h-subtle">Loading settings…</p>;
  if (settings.status === 'error' && !view) return <ErrorNotice error={settings.error} onRetry={() => void settings.reload()} />;
  if (!view) return null;
  const fieldName = (fid: string) => view.numberFields.find((f) => f.id === fid)?.name ?? fid;
  const options = (current: string) => [
    ...view.numberFields.map((f) => (
      <option key={f.id} value={f.id}>
        {f.name} ({f.id})
      </option>
    )),
    // A stored field the site no longer lists stays visible, so saving does not drop it silently.
    ...(current && !view.numberFields.some((f) => f.id === current) ? [<option key={current} value={current}>{current} (not found on this site)</option>] : []),
  ];
  return (
    <form className="hf-form" onSubmit={(e) => void save(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="h-section-title">
        Jira mapping
      </h2>
      <fieldset>
        <legend>Story points</legend>
        <p className="h-hint">
          {view.discovered
            ? `Found by name until you choose: ${view.storyPointFields.map(fieldName).join(', ') || 'no story point field on this site'}.`
            : 'Chosen by an administrator.'}
        </p>
        <div className="h-field">
          <label className="h-label" htmlFor={`${id}-primary`}>
            Story point field
          </label>
          <select
            id={`${id}-primary`}
            className="h-input"
            value={primary}
            onChange={(e) => setPrimary(e.target.value)}
            aria-invalid={errors.fields ? true : undefined}
            aria-describedby={errors.fields ? `${id}-fields-msg` : undefined}
          >
            <option value="">None (items have no estimate)</option>
            {options(primary)}
          </select>
        </div>
        <div className="h-field">
          <label className="h-label" htmlFor={`${id}-fallback`}>
            When that field is empty, read (optional)
          </label>
          <select id={`${id}-fallback`} className="h-input" value={fallback} onChange={(e) => setFallback(e.target.value)}>
            <option value="">No other field</option>
            {options(fallback)}
          </select>
        </div>
        <FieldMessage id={`${id}-fields-msg`} message={errors.fields} />
      </fieldset>
      <div className="h-field">
        <label className="h-label" htmlFor={`${id}-resolutions`}>
          Resolutions that mean cancelled (one per line)
        </label>
        <textarea
          id={`${id}-resolutions`}
          className="h-input hf-textarea"
          value={resolutions}
          onChange={(e) => setResolutions(e.target.value)}
          aria-invalid={errors.resolutions ? true : undefined}
          aria-describedby={`${id}-resolutions-hint${errors.resolutions ? ` ${id}-resolutions-msg` : ''}`}
        />
        <p id={`${id}-resolutions-hint`} className="h-hint">
          A done issue with one of these resolutions leaves its KR's scope, with everything under it.
        </p>
        {view.siteResolutions && view.siteResolutions.length > 0 && (
          <div className="h-hint" role="group" aria-label="This site's resolutions">
            This site&apos;s resolutions, as last saved:
            <ul className="h-resolutions">
              {view.siteResolutions.map((r) => (
                <li key={r.name} data-cancelled={r.cancelled}>
                  {r.name}: {r.cancelled ? 'cancelled (leaves the scope)' : 'done'}
                </li>
              ))}
            </ul>
          </div>
        )}
        <FieldMessage id={`${id}-resolutions-msg`} message={errors.resolutions} />
      </div>
      <fieldset>
        <legend>Who may do what</legend>
        <p className="h-hint">
          Jira administrators are always Harmony admins. Admins import the plan, delete objectives and change these settings; editors create and edit objectives,
          key results and KPIs and check in. Anyone may link an issue they may edit in Jira, and a key result&apos;s owner may check in on it.
        </p>
        <div className="h-field">
          <label className="h-label" htmlFor={`${id}-admins`}>
            Admin groups (one Jira group per line, optional)
          </label>
          <textarea id={`${id}-admins`} className="h-input hf-textarea" value={adminGroups} onChange={(e) => setAdminGroups(e.target.value)} />
        </div>
        <div className="h-field">
          <label className="h-label" htmlFor={`${id}-editors`}>
            Editor groups (one per line; empty: everyone who may use Harmony)
          </label>
          <textarea id={`${id}-editors`} className="h-input hf-textarea" value={editorGroups} onChange={(e) => setEditorGroups(e.target.value)} />
        </div>
        <FieldMessage id={`${id}-groups-msg`} message={errors.groups} />
      </fieldset>
      {errors.form && (
        <p className="h-notice h-tone-danger" role="alert">
          {errors.form}
        </p>
      )}
      <div className="h-actions">
        <button type="submit" className="h-button h-button-primary" disabled={busy}>
          Save settings
        </button>
        <p className="h-saved" role="status">
          {saved}
        </p>
      </div>
    </form>
  );
}
