// A Jira Cloud issue view around the OKR panel: breadcrumbs, summary, description, the fields
// column on the right, and the app's issue panel in the main column where Jira renders
// jira:issuePanel content. Only this frame knows it is pretending to be Jira.
import { useState, type ReactNode } from 'react';
import type { PanelView } from '../../../app/api';
import { parseRef, type WorkItemRef } from '../../../core/model/work-item';
import { isApiError } from '../../../ui/client/api-error';
import { OkrPanel } from '../../../ui/components/OkrPanel';
import { ThemeRoot } from '../../../ui/components/ThemeRoot';
import { frameHref } from '../shell/refs';
import { jiraStatus } from './tracker-words';

function Field({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="jf-field">
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function JiraIssueFrame({ itemRef }: { itemRef: WorkItemRef }) {
  const [view, setView] = useState<PanelView>();
  // Jira answers an unknown key (or one the viewer may not browse) with its own page, and never
  // loads an app panel there; this frame does the same instead of waiting forever.
  const [missing, setMissing] = useState(false);
  const key = parseRef(itemRef)?.id ?? itemRef;
  const project = key.split('-')[0] ?? key;
  const item = view?.item;
  const parent = view?.ancestors[0];
  return (
    <div className="jf">
      <header className="jf-topbar">
        <span className="jf-logo" aria-hidden="true">
          ◆
        </span>
        <span className="jf-product">Jira</span>
        <span className="jf-site">raintowntea.atlassian.net</span>
      </header>
      <div className="jf-body">
        <nav className="jf-sidebar" aria-label="Project">
          <p className="jf-project">{project} project</p>
          <ul>
            <li>Timeline</li>
            <li>Board</li>
            <li aria-current="page">Issues</li>
            <li>Harmony OKRs</li>
          </ul>
        </nav>
        <main className="jf-main">
          <nav className="jf-breadcrumbs" aria-label="Breadcrumbs">
            <ol>
              <li>Projects</li>
              <li>{project}</li>
              {view?.ancestors
                .slice()
                .reverse()
                .map((a) => (
                  <li key={a.ref}>
                    <a href={frameHref(a.ref) ?? '#'}>{parseRef(a.ref)?.id ?? a.ref}</a>
                  </li>
                ))}
              <li aria-current="page">{key}</li>
            </ol>
          </nav>
          {missing ? (
            <section className="jf-missing" role="alert">
              <h1 className="jf-summary">This issue can’t be viewed</h1>
              <p className="jf-muted">
                Issue {key} does not exist, or you do not have permission to see it. Check the key in the address, or open <a href="/jira/browse/CS-1">CS-1</a>.
              </p>
            </section>
          ) : (
          <div className="jf-columns">
            <div className="jf-content">
              <h1 className="jf-summary">{item?.title ?? key}</h1>
              <div className="jf-toolbar" aria-hidden="true">
                <span>Attach</span>
                <span>Link issue</span>
              </div>
              <section className="jf-section" aria-label="Description">
                <h2 className="jf-section-title">Description</h2>
                <p className="jf-muted">
                  {item ? `${item.type ?? 'Issue'} ${key} in the ${project} project.` : 'Loading the issue…'}
                </p>
              </section>
              <section className="jf-app-panel" aria-label="Harmony OKRs app">
                <div className="jf-app-panel-header">
                  <span className="jf-app-icon" aria-hidden="true">
                    ◎
                  </span>
                  Harmony OKRs
                </div>
                <ThemeRoot host="jira">
                  <OkrPanel itemRef={itemRef} onLoaded={setView} onFailed={(e) => setMissing(isApiError(e) && e.code === 'not-found')} />
                </ThemeRoot>
              </section>
            </div>
            <aside className="jf-fields" aria-label="Issue fields">
              <div className={`jf-status jf-status-${item?.status ?? 'todo'}`}>{item ? jiraStatus(item.status) : '…'}</div>
              <dl className="jf-details">
                <Field name="Issue type">{item?.type ?? '—'}</Field>
                <Field name="Parent">{parent ? <a href={frameHref(parent.ref) ?? '#'}>{parseRef(parent.ref)?.id ?? parent.ref}</a> : 'None'}</Field>
                <Field name="Story points">{item?.estimate ?? 'None'}</Field>
                <Field name="Assignee">Unassigned</Field>
              </dl>
            </aside>
          </div>
          )}
        </main>
      </div>
    </div>
  );
}
