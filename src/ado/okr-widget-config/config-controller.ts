// The dashboard's side of the widget's configuration pane (IWidgetConfiguration): `load` gives
// the saved settings and a context to tell the dashboard about changes (so the widget previews
// them live and Save lights up); `onSave` answers with the settings to keep, or refuses them.
import {
  ConfigurationEvent,
  WidgetConfigurationSave,
  WidgetStatusHelper,
  type IWidgetConfiguration,
  type IWidgetConfigurationContext,
  type SaveStatus,
  type WidgetSettings,
  type WidgetStatus,
} from 'azure-devops-extension-api/Dashboard';
import type { ApiClient, BoardView } from '../../app/api';
import { errorMessage } from '../../ui/format/errors';
import { showable } from '../okr-widget/widget-data';
import { parseSettings, serializeSettings, type WidgetSettingsData } from '../okr-widget/widget-settings';

export type ConfigState =
  | { status: 'waiting' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; settings: WidgetSettingsData; board: BoardView; invalid?: string };

export class ConfigController {
  private state: ConfigState = { status: 'waiting' };
  private readonly listeners = new Set<(state: ConfigState) => void>();
  private context: IWidgetConfigurationContext | undefined;
  private api: ApiClient | undefined;

  attach(api: ApiClient): void {
    this.api = api;
  }

  subscribe(listener: (state: ConfigState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  configuration(): IWidgetConfiguration {
    return {
      load: (settings, context) => this.load(settings, context),
      onSave: () => this.save(),
    };
  }

  /** The user changed a setting: show it, and let the dashboard preview it. */
  async change(settings: WidgetSettingsData): Promise<void> {
    if (this.state.status !== 'ready') return;
    this.set({ ...this.state, settings, invalid: undefined });
    await this.context?.notify(ConfigurationEvent.ConfigurationChange, ConfigurationEvent.Args(serializeSettings(settings)));
  }

  private async load(settings: WidgetSettings, context: IWidgetConfigurationContext): Promise<WidgetStatus> {
    this.context = context;
    if (!this.api) throw new Error('the configuration was loaded before the extension connected');
    try {
      const board = await this.api('getBoard', {});
      this.set({ status: 'ready', settings: parseSettings(settings.customSettings?.data), board });
      return await WidgetStatusHelper.Success();
    } catch (error) {
      const message = errorMessage(error);
      this.set({ status: 'failed', message });
      return WidgetStatusHelper.Failure(message);
    }
  }

  private save(): Promise<SaveStatus> {
    if (this.state.status !== 'ready') return WidgetConfigurationSave.Invalid();
    if (!showable(this.state.settings)) {
      this.set({ ...this.state, invalid: 'Choose the objective the widget shows.' });
      return WidgetConfigurationSave.Invalid();
    }
    return WidgetConfigurationSave.Valid(serializeSettings(this.state.settings));
  }

  private set(state: ConfigState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}
