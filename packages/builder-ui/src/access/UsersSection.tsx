import { useState, type FormEvent } from 'react';
import { useApi } from '../api/api-context';
import { useApiResource } from '../api/use-api-resource';
import { ErrorNotice } from '../app/ErrorNotice';
import { formatTime } from '../app/format-time';

const userRoles = ['admin', 'business', 'agent'] as const;

/** The users, a form to add one, and a switch to disable or enable. */
export function UsersSection() {
  const api = useApi();
  const users = useApiResource('users', (client) => client.listUsers());
  const [form, setForm] = useState({
    email: '',
    name: '',
    role: 'business',
    password: '',
  });
  const [error, setError] = useState<unknown>(null);

  async function handleCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    try {
      await api.createUser({ ...form, name: form.name || undefined });
      setForm({ email: '', name: '', role: 'business', password: '' });
      users.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  async function toggle(userId: string, disabled: boolean) {
    try {
      await api.updateUser(userId, { disabled });
      users.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="panel__section">
      <h2>Users</h2>
      {error !== null && <ErrorNotice error={error} action="Saving failed" />}
      {users.state === 'failed' && (
        <ErrorNotice error={users.error} action="Loading users failed" />
      )}
      {users.state === 'loading' && <p className="muted">Loading users…</p>}
      {users.state === 'ready' && users.data.length === 0 && (
        <p className="muted" data-testid="users-empty">
          No users yet. Add people below so they can sign in with their email
          and password; until then only tokens sign in.
        </p>
      )}
      {users.state === 'ready' && users.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>Email</th>
              <th>Role</th>
              <th>Last sign-in</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <tr key={user.id} data-testid="user-row">
                <td>{user.email}</td>
                <td>{user.role}</td>
                <td>{formatTime(user.lastSignInAt)}</td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => void toggle(user.id, !user.disabled)}
                  >
                    {user.disabled ? 'Enable' : 'Disable'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={handleCreate}>
        <input
          type="email"
          placeholder="email"
          aria-label="Email"
          autoComplete="off"
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
          data-testid="new-user-email"
        />
        <input
          type="text"
          placeholder="name (optional)"
          aria-label="Name (optional)"
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <select
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.target.value })}
          aria-label="Role"
          data-testid="new-user-role"
        >
          {userRoles.map((role) => (
            <option key={role}>{role}</option>
          ))}
        </select>
        <input
          type="password"
          placeholder="password (12+ characters)"
          aria-label="Password (12 or more characters)"
          autoComplete="new-password"
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
          data-testid="new-user-password"
        />
        <button type="submit" className="button" data-testid="add-user">
          Add user
        </button>
      </form>
    </section>
  );
}
