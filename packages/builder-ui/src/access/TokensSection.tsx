import { useState, type FormEvent } from 'react';
import { useApi } from '../api/api-context';
import { useApiResource } from '../api/use-api-resource';
import { ErrorNotice } from '../app/ErrorNotice';
import { formatTime } from '../app/format-time';

const scopes = ['ingest', 'agent', 'business', 'admin'] as const;

/** API tokens: create one (shown once), list them, revoke one. */
export function TokensSection() {
  const api = useApi();
  const tokens = useApiResource('tokens', (client) => client.listTokens());
  const [name, setName] = useState('');
  const [scope, setScope] = useState<string>('ingest');
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function handleCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    try {
      const token = await api.createToken({ name, scope });
      setCreated(token.token);
      setName('');
      tokens.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  async function revoke(tokenId: string) {
    try {
      await api.revokeToken(tokenId);
      tokens.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="panel__section">
      <h2>API tokens</h2>
      {error !== null && <ErrorNotice error={error} action="Saving failed" />}
      {created && (
        <p className="notice notice--ok" data-testid="created-token">
          Copy this token now; it is not shown again: <code>{created}</code>
        </p>
      )}
      {tokens.state === 'ready' && tokens.data.length === 0 && (
        <p className="muted" data-testid="tokens-empty">
          No API tokens yet. Create one for each system that sends Records.
        </p>
      )}
      {tokens.state === 'ready' && tokens.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Scope</th>
              <th>Starts with</th>
              <th>Last used</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <tr key={token.id} data-testid="token-row">
                <td>{token.name}</td>
                <td>{token.scope}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{formatTime(token.lastUsedAt)}</td>
                <td>
                  {token.revokedAt ? (
                    <span className="muted">revoked</span>
                  ) : (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => void revoke(token.id)}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={handleCreate}>
        <input
          type="text"
          placeholder="what uses it"
          aria-label="Token name: what uses it"
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="new-token-name"
        />
        <select
          value={scope}
          onChange={(e) => setScope(e.target.value)}
          aria-label="Scope"
        >
          {scopes.map((item) => (
            <option key={item}>{item}</option>
          ))}
        </select>
        <button
          type="submit"
          className="button"
          disabled={name.trim() === ''}
          data-testid="add-token"
        >
          Create token
        </button>
      </form>
    </section>
  );
}
