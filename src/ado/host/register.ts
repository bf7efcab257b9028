// Dashboards look a widget (and its configuration) up by the id it was registered under. Microsoft's
// samples register under the contribution's own id as written in the manifest (`okr-widget`);
// the SDK names the full id (`publisher.extension.okr-widget`). Both are registered, so the
// object is found whichever the host asks for.
import * as SDK from 'azure-devops-extension-sdk';

export function registerContribution(fullId: string, instance: () => object): void {
  SDK.register(fullId, instance);
  const relative = fullId.split('.').pop();
  if (relative && relative !== fullId) SDK.register(relative, instance);
}
