// Who the caller is and which roles they hold, for the UI to hide what it would refuse. The
// answer is a hint for the surface; the app checks every call again (permissions.ts).
import { z } from 'zod';
import { viewer } from './permissions';
import type { UseCase } from './use-case';

export const getPermissions: UseCase<'getPermissions'> = {
  input: z.strictObject({}),
  requires: viewer,

  async run(ctx) {
    const [admin, editor] = await Promise.all([ctx.actor.isAdmin(), ctx.actor.isEditor()]);
    return { actor: ctx.actor.id, ownerIds: [...ctx.actor.ownerIds], admin, editor };
  },
};
