// Words and tones for statuses and health. Colour is never the only signal (WCAG 1.4.1): every
// tone is shown together with its label.
import type { KpiHealth, Severity, Status } from '../../core/report/types';

export type Tone = 'success' | 'warning' | 'danger' | 'neutral' | 'info';

export function statusLabel(status: Status): string {
  switch (status) {
    case 'not-started':
      return 'Not started';
    case 'on-track':
      return 'On track';
    case 'at-risk':
      return 'At risk';
    case 'off-track':
      return 'Off track';
    case 'done':
      return 'Done';
    case 'closed':
      return 'Closed';
  }
}

export function statusTone(status: Status): Tone {
  switch (status) {
    case 'done':
    case 'on-track':
      return 'success';
    case 'at-risk':
      return 'warning';
    case 'off-track':
      return 'danger';
    case 'not-started':
    case 'closed':
      return 'neutral';
  }
}

export function healthLabel(health: KpiHealth): string {
  switch (health) {
    case 'healthy':
      return 'Healthy';
    case 'warning':
      return 'Warning';
    case 'breached':
      return 'Breached';
    case 'no-data':
      return 'No data';
    case 'no-target':
      return 'No target';
  }
}

export function healthTone(health: KpiHealth): Tone {
  switch (health) {
    case 'healthy':
      return 'success';
    case 'warning':
      return 'warning';
    case 'breached':
      return 'danger';
    case 'no-data':
    case 'no-target':
      return 'neutral';
  }
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function severityLabel(severity: Severity, count: number): string {
  switch (severity) {
    case 'error':
      return count === 1 ? 'Error' : 'Errors';
    case 'warning':
      return count === 1 ? 'Warning' : 'Warnings';
    case 'info':
      return 'Suggestions';
  }
}

export function severityTone(severity: Severity): Tone {
  switch (severity) {
    case 'error':
      return 'danger';
    case 'warning':
      return 'warning';
    case 'info':
      return 'info';
  }
}
