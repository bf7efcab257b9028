// Every Forge surface starts the same way: ask Jira for its theme (Atlassian design tokens, light
// or dark, applied by the host to this frame), read the module's context, then render the
// shared components in the Jira theme with the client that calls the resolvers through the bridge.
import { invoke, router, view } from '@forge/bridge';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from '../../ui/client/api-context';
import { createForgeClient, type ForgeInvoke } from '../../ui/client/forge-client';
import { ThemeRoot } from '../../ui/components/ThemeRoot';
import { forgeContext, type ForgeContext } from './forge-context';

export const forgeInvoke: ForgeInvoke = (name, payload) => invoke(name, payload);

/**
 * Links to Jira pages (`/browse/CS-1`) must move the Jira tab, not this frame (Jira refuses to
 * be framed): a click goes through the bridge's router instead, a modified click to a new tab.
 */
function routeHostLinks(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    const anchor = event.target instanceof Element ? event.target.closest('a') : null;
    const href = anchor?.getAttribute('href');
    if (!href?.startsWith('/') || event.button !== 0) return;
    event.preventDefault();
    const newTab = event.metaKey || event.ctrlKey || event.shiftKey;
    void (newTab ? router.open(href) : router.navigate(href));
  });
}

export function mountForge(render: (context: ForgeContext) => ReactNode): void {
  const element = document.getElementById('root');
  if (!element) throw new Error('the page has no #root element');
  routeHostLinks(element);
  const root = createRoot(element);
  const show = (content: ReactNode) =>
    root.render(
      <StrictMode>
        <ApiProvider client={createForgeClient(forgeInvoke)}>
          <ThemeRoot host="jira" className="hf-surface">
            {content}
          </ThemeRoot>
        </ApiProvider>
      </StrictMode>,
    );
  // Theming is a nicety: without it the tokens' light fallbacks still read right.
  const theming = view.theme.enable().catch(() => undefined);
  void Promise.all([view.getContext(), theming])
    .then(([context]) => show(render(forgeContext(context))))
    .catch((error: unknown) =>
      show(
        <p className="h-notice h-tone-danger" role="alert">
          Harmony could not read where it is shown: {error instanceof Error ? error.message : String(error)}
        </p>,
      ),
    );
}
