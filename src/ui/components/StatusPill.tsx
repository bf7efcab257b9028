import type { Status } from '../../core/report/types';
import { statusLabel, statusTone } from '../format/status';
import { Pill } from './Pill';

export function StatusPill({ status }: { status: Status }) {
  return <Pill tone={statusTone(status)}>{statusLabel(status)}</Pill>;
}
