import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { signInWithPassword } from './password-sign-in';

/** Props of {@link LoginPage}. */
export interface LoginPageProps {
  /** Why the user is here again, e.g. the session ended. */
  notice: string | null;
  onSignedIn: (csrfToken: string) => void;
  /** Switches to signing in with a token. */
  onUseToken: () => void;
}

/** Signs a person in with their email and password. */
export function LoginPage({ notice, onSignedIn, onUseToken }: LoginPageProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { csrfToken } = await signInWithPassword(email.trim(), password);
      onSignedIn(csrfToken);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 429
          ? 'Too many attempts. Wait a minute and try again.'
          : 'The email or password is wrong.',
      );
      setBusy(false);
    }
  }

  const shown = error ?? notice;
  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={handleSubmit}>
        <h1>Herald builder</h1>
        <p>Sign in with your email and password.</p>
        {shown && (
          <p className="notice notice--error" role="alert">
            {shown}
          </p>
        )}
        <label className="field">
          <span className="field__label">Email</span>
          <input
            type="email"
            autoComplete="username"
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            data-testid="login-email"
          />
        </label>
        <label className="field">
          <span className="field__label">Password</span>
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            data-testid="login-password"
          />
        </label>
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || email.trim() === '' || password === ''}
          data-testid="login-submit"
        >
          Sign in
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={onUseToken}
          data-testid="use-token"
        >
          Sign in with a token instead
        </button>
      </form>
    </main>
  );
}
