import { useEffect, useState } from 'react';
import type { WidgetController, WidgetState } from './widget-controller';
import { WidgetView } from './WidgetView';

export function OkrWidget({ controller }: { controller: WidgetController }) {
  const [state, setState] = useState<WidgetState>({ status: 'waiting' });
  useEffect(() => controller.subscribe(setState), [controller]);
  switch (state.status) {
    case 'waiting':
      return <p className="ado-widget h-subtle">Loading…</p>;
    case 'unconfigured':
      return (
        <section className="ado-widget" aria-label={state.title}>
          <h2 className="ado-widget-title">{state.title}</h2>
          <p className="h-subtle">Choose an objective in the widget's configuration.</p>
        </section>
      );
    case 'failed':
      return (
        <section className="ado-widget" aria-label={state.title}>
          <h2 className="ado-widget-title">{state.title}</h2>
          <p role="alert" className="h-notice h-tone-danger">
            {state.message}
          </p>
        </section>
      );
    case 'ready':
      return <WidgetView title={state.title} data={state.data} rows={state.rows} />;
  }
}
