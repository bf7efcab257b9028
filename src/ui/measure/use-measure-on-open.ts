// Azure DevOps has no back end to schedule measures, so an editor's board measures what is due
// when it opens (at most once an hour per measure, claimed through the shared store: see
// src/app/measure-due.ts). Answers how many runs recorded a value, so the page can reload to
// show them. Viewers never trigger runs: measuring writes values.
import { useEffect, useState } from 'react';
import { useApi } from '../client/api-context';
import { mayEdit, usePermissions } from '../hooks/use-permissions';

export function useMeasureOnOpen(): number {
  const api = useApi();
  const permissions = usePermissions();
  const [recorded, setRecorded] = useState(0);
  // Only once the answer is known: unknown permissions would let a viewer's page try and fail.
  const editor = permissions !== undefined && mayEdit(permissions);
  useEffect(() => {
    if (!editor) return;
    let live = true;
    api('measureDue', { trigger: 'board' })
      .then((runs) => {
        const values = runs.filter((r) => r.value !== undefined).length;
        if (live && values > 0) setRecorded((n) => n + values);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, editor]);
  return recorded;
}
