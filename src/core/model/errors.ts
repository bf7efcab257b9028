// Errors the core and the app raise on purpose. Each says what to fix; surfaces map `code`
// to their own envelope (CLI exit 2, resolver error codes, inline form messages).

export interface Problem {
  /** Where, as a path into the input: `objectives[0].keyResults[1].target`. */
  path: string;
  message: string;
}

/** Input refused as a whole; every problem is listed. Nothing was stored. */
export class InvalidInputError extends Error {
  readonly code = 'invalid-input';
  constructor(readonly problems: Problem[], summary = 'invalid input') {
    super(`${summary}:\n${problems.map((p) => `  ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n')}`);
    this.name = 'InvalidInputError';
  }
}

/** Someone else changed the record since it was read; nothing was overwritten. */
export class ConflictError extends Error {
  readonly code = 'conflict';
  constructor(readonly collection: string, readonly id: string, message?: string) {
    super(message ?? `${collection}/${id} was changed by someone else since you loaded it; reload and try again`);
    this.name = 'ConflictError';
  }
}

export class NotFoundError extends Error {
  readonly code = 'not-found';
  constructor(readonly what: string, readonly id: string) {
    super(`${what} ${id} does not exist (or you cannot see it)`);
    this.name = 'NotFoundError';
  }
}

/**
 * A tracker or a store kept answering "too many requests" (HTTP 429), or asked for a longer wait
 * than the caller may spend. The refused call changed nothing; trying again later is the fix. One
 * type for Jira, Azure DevOps and Forge storage, so every surface says the same thing about it.
 */
export class RateLimitedError extends Error {
  readonly code = 'rate-limited';
  readonly status = 429;
  constructor(
    message: string,
    readonly details: {
      /** Tries made, the first included. */
      attempts: number;
      /** The service's last requested wait, when it named one. */
      retryAfterMs?: number;
      /** Time already spent waiting between tries. */
      waitedMs?: number;
    },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RateLimitedError';
  }

  get retryAfterMs(): number | undefined {
    return this.details.retryAfterMs;
  }

  get attempts(): number {
    return this.details.attempts;
  }
}
