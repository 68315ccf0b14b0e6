import { useCallback, useState } from 'react';
import type { EdgeChange } from '@xyflow/react';

/** Which joins are selected; React Flow reports it as edge changes. */
export interface EdgeSelection {
  selectedEdges: ReadonlySet<string>;
  onEdgesChange: (changes: EdgeChange[]) => void;
  clearEdgeSelection: () => void;
}

/** Tracks the selected joins of the canvas. */
export function useEdgeSelection(): EdgeSelection {
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(
    () => new Set(),
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    setSelectedEdges((current) => {
      const next = new Set(current);
      for (const change of changes) {
        if (change.type !== 'select') {
          continue;
        }

        if (change.selected) {
          next.add(change.id);
        } else {
          next.delete(change.id);
        }
      }

      return next;
    });
  }, []);

  const clearEdgeSelection = useCallback(() => setSelectedEdges(new Set()), []);

  return { selectedEdges, onEdgesChange, clearEdgeSelection };
}
