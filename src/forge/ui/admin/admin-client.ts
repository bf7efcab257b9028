// The settings page's own calls (getSettings, saveSettings: the backend's AdminMethods, beside the
// app API), over the same bridge and envelope as every other call.
import { createForgeCaller, type Caller } from '../../../ui/client/forge-client';
import type { AdminMethods } from '../../admin-api';
import { forgeInvoke } from '../mount';

export type AdminCall = Caller<AdminMethods>;

export const adminCall: AdminCall = createForgeCaller<AdminMethods>(forgeInvoke);
