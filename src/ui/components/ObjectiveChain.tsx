// The line from a KR's objective up to the company objective. The API gives it nearest first;
// people read strategy top-down, so it is drawn from the top.
import type { ChainLink } from '../../app/api';
import { percent } from '../format/numbers';
import { StatusPill } from './StatusPill';

export function ObjectiveChain({ chain }: { chain: ChainLink[] }) {
  if (chain.length === 0) return null;
  const topDown = [...chain].reverse();
  return (
    <ol className="h-chain" aria-label="Alignment, from the top objective down">
      {topDown.map((link, depth) => (
        <li key={`${link.kind}:${link.id}`} className="h-chain-link" style={{ paddingInlineStart: `${depth * 12}px` }}>
          <span className="h-chain-kind">{link.kind === 'objective' ? 'Objective' : 'Key result'}</span>{' '}
          <span className="h-chain-title">{link.title}</span>{' '}
          <span className="h-subtle">
            ({link.teamName}, {percent(link.progress)})
          </span>{' '}
          <StatusPill status={link.status} />
        </li>
      ))}
    </ol>
  );
}
