// The board's lineage of carried KRs (BoardView.lineage), handed down to each KR row without
// threading a prop through every board component that sits between them.
import { createContext, useContext } from 'react';
import type { LineageStep } from '../../app/api';

export const LineageContext = createContext<Record<string, LineageStep[]> | undefined>(undefined);

export function useLineage(kr: string): LineageStep[] | undefined {
  return useContext(LineageContext)?.[kr];
}
