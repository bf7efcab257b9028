// The weekly digest's webhook (issue 10 §2), on the admin page. Only admins see the form: the URL
// is a secret, and the server never returns it to anyone else.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useApi } from '../client/api-context';
import { problemsFor } from '../client/api-error';
import { errorMessage } from '../format/errors';
import { usePermissions } from '../hooks/use-permissions';

export function DigestSettingsForm() {
  const api = useApi();
  const id = useId();
  const permissions = usePermissions();
  // Hidden until the permissions say admin: asking as anyone else would only be refused.
  const admin = permissions?.admin === true;
  const [webhook, setWebhook] = useState('');
  const [format, setFormat] = useState<'slack' | 'teams'>('slack');
  const [link, setLink] = useState('');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();

  useEffect(() => {
    if (!admin) return;
    void api('getDigestSettings', {}).then(
      (s) => {
        setWebhook(s.webhook ?? '');
        if (s.format) setFormat(s.format);
        setLink(s.link ?? '');
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [api, admin]);

  if (!admin) return null;

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setSaved(undefined);
    try {
      const s = await api('saveDigestSettings', { webhook: webhook.trim() === '' ? null : webhook.trim(), format, ...(link.trim() ? { link: link.trim() } : {}) });
      setSaved(s.webhook ? `Saved: the digest is posted every week (${s.format === 'teams' ? 'Microsoft Teams' : 'Slack'}).` : 'Saved: no weekly digest.');
    } catch (e) {
      setError(problemsFor(e, 'webhook')[0] ?? problemsFor(e, 'link')[0] ?? errorMessage(e));
    }
  }

  return (
    <form className="hf-form h-digest-settings" aria-labelledby={`${id}-title`} onSubmit={(e) => void save(e)} noValidate>
      <h2 id={`${id}-title`} className="h-section-title">
        Weekly digest
      </h2>
      <p className="h-hint">Every week, the KRs that need a check-in, the off-track KRs and the breached KPIs nobody focuses on, per team and per owner.</p>
      <div className="h-field">
        <label className="h-label" htmlFor={`${id}-url`}>
          Slack incoming webhook or Teams workflow URL
        </label>
        <input id={`${id}-url`} className="h-input" type="password" autoComplete="off" value={webhook} onChange={(e) => setWebhook(e.target.value)} />
        <p className="h-hint">Empty: no digest. The URL is a secret: only admins see it.</p>
      </div>
      <div className="h-field">
        <label className="h-label" htmlFor={`${id}-format`}>
          Post as
        </label>
        <select id={`${id}-format`} className="h-input" value={format} onChange={(e) => setFormat(e.target.value === 'teams' ? 'teams' : 'slack')}>
          <option value="slack">Slack (Block Kit)</option>
          <option value="teams">Microsoft Teams (Adaptive Card)</option>
        </select>
      </div>
      <div className="h-field">
        <label className="h-label" htmlFor={`${id}-link`}>
          Board address (optional, shown as a button)
        </label>
        <input id={`${id}-link`} className="h-input" type="url" value={link} onChange={(e) => setLink(e.target.value)} />
      </div>
      <div className="h-actions">
        <button type="submit" className="h-button h-button-primary">
          Save digest settings
        </button>
      </div>
      {error && (
        <p className="h-field-error" role="alert">
          {error}
        </p>
      )}
      <p className="h-saved" role="status">
        {saved ?? ''}
      </p>
    </form>
  );
}
