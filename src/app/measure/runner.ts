// The trackers a host can measure with: one MeasureSource (the core port) per tracker, each
// reading as the person the host built it for (the viewer in a resolver or a browser, the
// measure's owner in a scheduled run). A measure of a tracker the host lacks is refused in words.
import type { MeasureTracker } from '../../core/model/measure';
import type { MeasureSource } from '../../core/ports/measure-source';

export type MeasureRunners = Partial<Record<MeasureTracker, MeasureSource>>;
