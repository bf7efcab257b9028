// Every workbench page starts the same way: colour mode first (no flash of the wrong theme),
// then React with the HTTP client that talks to the workbench server.
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from '../../../ui/client/api-context';
import { createHttpClient } from '../../../ui/client/http-client';
import { applyColorMode, initialColorMode } from './color-mode';

export function mount(page: ReactNode): void {
  applyColorMode(initialColorMode());
  const element = document.getElementById('root');
  if (!element) throw new Error('the page has no #root element');
  createRoot(element).render(
    <StrictMode>
      <ApiProvider client={createHttpClient()}>{page}</ApiProvider>
    </StrictMode>,
  );
}
