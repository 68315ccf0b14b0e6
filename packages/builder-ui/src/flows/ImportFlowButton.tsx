import { useRef, useState } from 'react';
import { useApi } from '../api/api-context';
import { routeHref } from '../app/app-route';
import { ErrorNotice } from '../app/ErrorNotice';
import { readFlowExport } from './flow-export';

/** Imports a Flow from an exported JSON file as a new Flow, and opens it. */
export function ImportFlowButton() {
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<unknown>(null);

  async function handleFile(file: File) {
    setProblem(null);
    const read = readFlowExport(await file.text());
    if (!read.ok) {
      setProblem(new Error(read.reason));
      return;
    }

    try {
      const flow = await api.createFlow(read.flow);
      window.location.assign(routeHref({ page: 'flow', flowId: flow.id }));
    } catch (cause) {
      setProblem(cause);
    }
  }

  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => input.current?.click()}
        data-testid="flow-import"
      >
        Import JSON…
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="flow-import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) {
            void handleFile(file);
          }
        }}
      />
      {problem !== null && (
        <ErrorNotice error={problem} action="Importing the flow failed" />
      )}
    </>
  );
}
