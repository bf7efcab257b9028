// The dashboard's side of the widget (IConfigurableWidget): the host calls `load` with the
// widget's settings, and `reload` while its configuration is being edited; each reads the data
// through the app and hands it to the view. The host shows its own loading and error states
// until `load` settles, so a failure is reported to it as well as shown.
import { WidgetStatusHelper, type IConfigurableWidget, type WidgetSettings, type WidgetStatus } from 'azure-devops-extension-api/Dashboard';
import type { ApiClient } from '../../app/api';
import { errorMessage } from '../../ui/format/errors';
import { readWidgetData, showable, type WidgetData } from './widget-data';
import { parseSettings } from './widget-settings';

export type WidgetState =
  | { status: 'waiting' }
  | { status: 'unconfigured'; title: string }
  | { status: 'ready'; title: string; data: WidgetData; rows: number }
  | { status: 'failed'; title: string; message: string };

export class WidgetController {
  private state: WidgetState = { status: 'waiting' };
  private readonly listeners = new Set<(state: WidgetState) => void>();
  private api: ApiClient | undefined;
  /** Only the answer to the latest load is shown. */
  private generation = 0;

  attach(api: ApiClient): void {
    this.api = api;
  }

  subscribe(listener: (state: WidgetState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  widget(): IConfigurableWidget {
    return {
      preload: () => WidgetStatusHelper.Success(),
      load: (settings) => this.show(settings),
      reload: (settings) => this.show(settings),
    };
  }

  private async show(settings: WidgetSettings): Promise<WidgetStatus> {
    const generation = ++this.generation;
    const title = settings.name || 'Harmony OKRs';
    const wanted = showable(parseSettings(settings.customSettings?.data));
    if (!wanted) {
      this.set({ status: 'unconfigured', title });
      return WidgetStatusHelper.Unconfigured();
    }
    if (!this.api) throw new Error('the widget was loaded before the extension connected');
    try {
      const data = await readWidgetData(this.api, wanted);
      if (generation === this.generation) this.set({ status: 'ready', title, data, rows: settings.size?.rowSpan ?? 2 });
      return await WidgetStatusHelper.Success();
    } catch (error) {
      const message = errorMessage(error);
      if (generation === this.generation) this.set({ status: 'failed', title, message });
      return WidgetStatusHelper.Failure(message);
    }
  }

  private set(state: WidgetState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}
