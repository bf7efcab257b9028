// The host hands its ApiClient to the component tree once, at the entry point; components never
// know whether calls travel over HTTP, Forge's bridge or the ADO extension's in-browser app.
import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '../../app/api';

const ApiContext = createContext<ApiClient | undefined>(undefined);

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi() outside <ApiProvider>: the host entry must provide an ApiClient');
  return client;
}
