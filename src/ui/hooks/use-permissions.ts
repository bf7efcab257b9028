// What the viewer may do, asked once per ApiClient (`getPermissions`), so a surface hides the
// actions the app would refuse. Only a hint: every call is checked again by the app, and until
// the answer arrives (or if it cannot be had) the actions show and the app's refusal explains.
import { useEffect, useState } from 'react';
import type { ApiClient, PermissionsView } from '../../app/api';
import { useApi } from '../client/api-context';

const asked = new WeakMap<ApiClient, Promise<PermissionsView | undefined>>();
/** Answers already in, so a component mounted later (a board's thousandth row) renders once. */
const known = new WeakMap<ApiClient, PermissionsView>();

export function usePermissions(): PermissionsView | undefined {
  const api = useApi();
  const [permissions, setPermissions] = useState<PermissionsView | undefined>(() => known.get(api));
  useEffect(() => {
    let live = true;
    let answer = asked.get(api);
    if (!answer) {
      answer = api('getPermissions', {}).then(
        (p) => {
          known.set(api, p);
          return p;
        },
        () => undefined,
      );
      asked.set(api, answer);
    }
    void answer.then((p) => {
      // The same answer as the initial state changes nothing (React skips the render).
      if (live) setPermissions(p);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return permissions;
}

/** Unknown permissions allow: the app decides. */
export const mayEdit = (p: PermissionsView | undefined): boolean => p === undefined || p.editor;
export const mayAdminister = (p: PermissionsView | undefined): boolean => p === undefined || p.admin;
/** Checking in on a KR: editors, and the KR's owner. */
export const mayCheckIn = (p: PermissionsView | undefined, owner: string | undefined): boolean =>
  p === undefined || p.editor || (owner !== undefined && p.ownerIds.includes(owner));
