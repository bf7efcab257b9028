// The work item form's notifications (IWorkItemNotificationListener), turned into "which work item
// is open, and has it changed". The host may call before React has subscribed, so the latest
// change is kept and handed to each new subscriber.
import type { IWorkItemChangedArgs, IWorkItemLoadedArgs, IWorkItemNotificationListener } from 'azure-devops-extension-api/WorkItemTracking';

export type FormChange =
  /** A work item is open: loaded, saved (a new one gets its id here) or refreshed from the server. */
  | { kind: 'open'; id: number; isNew: boolean; reason: 'loaded' | 'saved' | 'refreshed' }
  /** The form closed its work item. */
  | { kind: 'closed' };

export class FormEvents {
  private readonly listeners = new Set<(change: FormChange) => void>();
  private latest: FormChange | undefined;

  subscribe(listener: (change: FormChange) => void): () => void {
    this.listeners.add(listener);
    if (this.latest) listener(this.latest);
    return () => this.listeners.delete(listener);
  }

  /** The object registered with the host under the contribution id. */
  listener(): IWorkItemNotificationListener {
    return {
      onLoaded: (args: IWorkItemLoadedArgs) => this.emit({ kind: 'open', id: args.id, isNew: args.isNew, reason: 'loaded' }),
      onSaved: (args: IWorkItemChangedArgs) => this.emit({ kind: 'open', id: args.id, isNew: false, reason: 'saved' }),
      onRefreshed: (args: IWorkItemChangedArgs) => this.emit({ kind: 'open', id: args.id, isNew: false, reason: 'refreshed' }),
      onUnloaded: () => this.emit({ kind: 'closed' }),
      // An undo or an unsaved field edit changes nothing Harmony stores or reads.
      onReset: () => {},
      onFieldChanged: () => {},
    };
  }

  private emit(change: FormChange): void {
    this.latest = change;
    for (const listener of this.listeners) listener(change);
  }
}
