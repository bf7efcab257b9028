// How every contribution page starts: handshake and app (connect.ts), then React under the ADO
// theme with the in-browser ApiClient, then the host is told the page has loaded. A page that
// cannot connect says why, and tells the host it failed, instead of spinning forever.
import * as SDK from 'azure-devops-extension-sdk';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from '../../ui/client/api-context';
import { ThemeRoot } from '../../ui/components/ThemeRoot';
import type { UseCases } from '../../app/app-of';
import { connectExtension, type ExtensionHost, type TrackerFactory } from './connect';

export interface MountOptions {
  /** The use cases the page calls: USE_CASES for the full app, a few for a light page. */
  useCases: UseCases;
  /** Pages that show work items pass the ADO tracker (host/ado-tracker.ts). */
  tracker?: TrackerFactory;
  /** Runs after the handshake, before the first render (e.g. to SDK.register form events). */
  beforeRender?: (host: ExtensionHost) => void;
  /** Ask the host to resize the frame to the content (form groups, configuration panes). */
  fitHeight?: boolean;
}

/**
 * Work item links point at the organization's pages, which refuse to be framed: open them
 * in the host window through its navigation service, as Azure DevOps' own links do.
 */
function openLinksInHost(host: ExtensionHost): void {
  document.addEventListener('click', (event) => {
    const anchor = (event.target as Element | null)?.closest?.('a[href]');
    if (!(anchor instanceof HTMLAnchorElement) || event.defaultPrevented || event.button !== 0) return;
    if (anchor.origin === window.location.origin) return;
    event.preventDefault();
    if (event.ctrlKey || event.metaKey || event.shiftKey) host.navigation.openNewWindow(anchor.href, '');
    else host.navigation.navigate(anchor.href);
  });
}

function fitHeight(): void {
  let last = -1;
  new ResizeObserver(() => {
    const height = document.body.scrollHeight;
    if (height !== last) {
      last = height;
      SDK.resize(undefined, height);
    }
  }).observe(document.body);
}

export function mountExtension(page: (host: ExtensionHost) => ReactNode, options: MountOptions): void {
  const element = document.getElementById('root');
  if (!element) throw new Error('the page has no #root element');
  const root = createRoot(element);
  connectExtension(options.useCases, options.tracker).then(
    async (host) => {
      options.beforeRender?.(host);
      openLinksInHost(host);
      if (options.fitHeight) fitHeight();
      root.render(
        <StrictMode>
          <ApiProvider client={host.client}>
            <ThemeRoot host="ado">{page(host)}</ThemeRoot>
          </ApiProvider>
        </StrictMode>,
      );
      await SDK.notifyLoadSucceeded();
    },
    async (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      root.render(
        <ThemeRoot host="ado">
          <p role="alert" className="h-notice h-tone-danger">
            Harmony could not start: {message}
          </p>
        </ThemeRoot>,
      );
      await SDK.notifyLoadFailed(message);
    },
  );
}
