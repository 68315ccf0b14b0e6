import { useApiResource } from '../api/use-api-resource';
import { ErrorNotice } from '../app/ErrorNotice';
import { usePrincipal } from '../auth/principal-context';
import { TestRecipientForm } from './TestRecipientForm';
import './profile.css';

/**
 * The signed-in person's own settings: who they are signed in as, and
 * their test recipient, where "Send a test" in the Template inspector
 * sends (never to a Customer).
 */
export function ProfilePage() {
  const principal = usePrincipal();
  const canTest = principal.role === 'admin' || principal.role === 'business';

  return (
    <main className="page profile" data-testid="profile-page">
      <div className="page__header">
        <h1>Profile</h1>
      </div>
      <p>
        Signed in as <strong>{principal.name}</strong> ({principal.role}
        {principal.kind === 'token' ? ', with a token' : ''}).
      </p>
      <h2 className="panel__heading">Test recipient</h2>
      {canTest ? (
        <TestRecipientSection />
      ) : (
        <p className="muted">Only admins and business users send tests.</p>
      )}
    </main>
  );
}

function TestRecipientSection() {
  const recipient = useApiResource('test-recipient', (api) =>
    api.getTestRecipient(),
  );

  return (
    <>
      <p className="muted">
        “Send a test” in the template editor sends the message to you here,
        never to the customer shown in the preview.
      </p>
      {recipient.state === 'loading' && <p className="muted">Loading…</p>}
      {recipient.state === 'failed' && (
        <ErrorNotice
          error={recipient.error}
          action="Loading your test recipient failed"
          onRetry={recipient.reload}
        />
      )}
      {recipient.state === 'ready' && (
        <TestRecipientForm initial={recipient.data} />
      )}
    </>
  );
}
