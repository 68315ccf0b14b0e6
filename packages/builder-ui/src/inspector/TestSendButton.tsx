import { useState } from 'react';
import { useApi } from '../api/api-context';
import type { TestSendRequest, TestSendResult } from '../api/api-types';
import { ApiError } from '../api/api-error';
import { errorField } from '../api/error-field';
import { routeHref } from '../app/app-route';
import { ErrorNotice } from '../app/ErrorNotice';
import { channelLabel } from '../steps/channel-names';

/** Props of {@link TestSendButton}. */
export interface TestSendButtonProps {
  templateId: string;
  /** What the preview shows; null while it has no sample Customer. */
  request: TestSendRequest | null;
  /** Why a test cannot be sent now (e.g. unsaved text); null: it can. */
  blocked?: string | null;
}

type SendState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'sent'; result: TestSendResult }
  | { kind: 'failed'; error: unknown };

/**
 * "Send a test": the text the preview shows, rendered on the server for
 * the same sample Customer and Record, goes to the signed-in person's own
 * test recipient (set on their profile), never to the Customer.
 */
export function TestSendButton({
  templateId,
  request,
  blocked,
}: TestSendButtonProps) {
  const api = useApi();
  const [state, setState] = useState<SendState>({ kind: 'idle' });

  async function send() {
    if (!request) return;

    setState({ kind: 'sending' });
    try {
      const result = await api.sendTemplateTest(templateId, request);
      setState({ kind: 'sent', result });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  }

  return (
    <div className="test-send" data-testid="test-send">
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => void send()}
          disabled={!request || Boolean(blocked) || state.kind === 'sending'}
          data-testid="test-send-button"
        >
          {state.kind === 'sending' ? 'Sending…' : 'Send a test to me'}
        </button>
        {blocked && <span className="muted">{blocked}</span>}
      </div>
      {state.kind === 'sent' && (
        <p className="notice notice--ok" data-testid="test-send-sent">
          Test sent to {state.result.to} by {channelLabel(state.result.channel)}
          {state.result.adapter === 'sandbox' ? ' (sandbox outbox)' : ''}
        </p>
      )}
      {state.kind === 'failed' && <TestSendFailure error={state.error} />}
    </div>
  );
}

function TestSendFailure({ error }: { error: unknown }) {
  const field = errorField(error);
  const code = error instanceof ApiError ? error.code : null;
  const needsProfile =
    code === 'HERALD_TEST_RECIPIENT_MISSING' ||
    code === 'HERALD_TEST_RECIPIENT_INVALID' ||
    code === 'HERALD_TEST_SEND_REJECTED';

  return (
    <div
      data-testid="test-send-error"
      data-code={code ?? ''}
      data-field={field ?? ''}
    >
      <ErrorNotice error={error} action="The test was not sent" />
      {field && (
        <p className="muted">
          At fault: <code>{field}</code>
        </p>
      )}
      {needsProfile && (
        <a
          href={routeHref({ page: 'profile' })}
          data-testid="test-send-profile"
        >
          Set your test recipient on your profile
        </a>
      )}
    </div>
  );
}
