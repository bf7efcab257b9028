import type { WebhookFetch } from '../app/digest/deliver';

// What a command needs from its process, injected so tests can run `main` in-process too.
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  /** The terminal's width, when it is one. */
  columns?: number;
}

export interface CliIo {
  stdout: Output;
  stderr: Output;
  env: Record<string, string | undefined>;
  /** `okr digest`: how to post and wait; tests inject a local receiver and a fake sleep. */
  fetch?: WebhookFetch;
  sleep?: (ms: number) => Promise<void>;
}
