// Each surface's JavaScript weight: its entry chunk plus every chunk it imports (shared chunks
// included, since the browser loads them for that page), gzipped as a server would send them.
import { entrySizes } from '../../helpers/vite-bundle';
import { MANIFEST, STATIC_DIR } from './build-ui';

export interface SurfaceSize {
  surface: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

export function surfaceSizes(): SurfaceSize[] {
  return entrySizes(MANIFEST, STATIC_DIR).map(({ entry, ...size }) => ({ surface: entry.replace(/\.html$/, ''), ...size }));
}
