// "Add a key result for this epic" from a work item's panel: pick the objective (of a period
// still running), write the KR (effort by default: this item's work is its progress), and the
// item is linked to the new KR in the same step.
import { useId, useState } from 'react';
import type { WorkItemRef } from '../../core/model/work-item';
import { useApi } from '../client/api-context';
import { mayEdit, usePermissions } from '../hooks/use-permissions';
import { useLoad } from '../hooks/use-load';
import { errorMessage } from '../format/errors';
import { KeyResultForm } from './lazy-forms';
import './authoring.css';

export function AddKeyResultForItem({ itemRef, itemWord = 'item', onChanged }: { itemRef: WorkItemRef; itemWord?: string; onChanged: () => Promise<void> }) {
  const permissions = usePermissions();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string>();
  if (!mayEdit(permissions)) return null;
  return (
    <div className="h-authoring h-panel-add-kr">
      <div className="h-actions">
        <button type="button" className="h-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          Add a key result for this {itemWord}
        </button>
        <span className="h-saved" role="status">
          {message}
        </span>
      </div>
      {open && (
        <ChooseObjective
          itemRef={itemRef}
          onDone={async (text) => {
            setOpen(false);
            setMessage(text);
            await onChanged();
          }}
          onCancel={() => setOpen(false)}
        />
      )}
    </div>
  );
}

function ChooseObjective({ itemRef, onDone, onCancel }: { itemRef: WorkItemRef; onDone: (message: string) => Promise<void>; onCancel: () => void }) {
  const api = useApi();
  const id = useId();
  const [chosen, setChosen] = useState('');
  const [linkError, setLinkError] = useState<string>();
  const objectives = useLoad(async () => {
    const board = await api('getBoard', {});
    // New work counts toward a period still running, never one that is over.
    const ended = new Set(board.periods.filter((p) => p.end < board.at).map((p) => p.id));
    return board.teams.flatMap((t) => t.objectives.filter((o) => !ended.has(o.period)).map((o) => ({ ...o, teamName: t.name })));
  }, [api]);
  const objective = objectives.data?.find((o) => o.id === chosen);
  return (
    <div className="h-author-form">
      <div className="h-field">
        <label className="h-label" htmlFor={`${id}-objective`}>
          Objective
        </label>
        <select id={`${id}-objective`} className="h-input" value={chosen} onChange={(e) => setChosen(e.target.value)} autoFocus>
          <option value="">{objectives.status === 'loading' ? 'Loading objectives…' : 'Choose the objective'}</option>
          {objectives.data?.map((o) => (
            <option key={o.id} value={o.id}>
              {o.title} ({o.teamName}, {o.period})
            </option>
          ))}
        </select>
      </div>
      {objective ? (
        <KeyResultForm
          key={objective.id}
          objective={objective}
          type="effort"
          saveLabel={`Create and link ${itemRef}`}
          afterSave={async (kr) => {
            try {
              await api('linkWorkItem', { kr: kr.id, ref: itemRef });
            } catch (error) {
              // The KR exists now; say plainly that only the link is missing.
              setLinkError(`Created ${kr.id}, but could not link ${itemRef}: ${errorMessage(error)}`);
              throw error;
            }
          }}
          onDone={(text) => onDone(`${text.replace(/\.$/, '')}, and linked ${itemRef} to it.`)}
          onCancel={onCancel}
        />
      ) : (
        <div className="h-actions">
          <button type="button" className="h-button h-button-subtle" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
      {linkError && (
        <p className="h-field-error" role="alert">
          {linkError}
        </p>
      )}
    </div>
  );
}
