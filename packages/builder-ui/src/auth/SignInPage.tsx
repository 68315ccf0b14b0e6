import { useState, type FormEvent } from 'react';

/** Props of {@link SignInPage}. */
export interface SignInPageProps {
  /** Why the user is here again, e.g. the server refused the old token. */
  notice: string | null;
  onSignIn: (token: string) => void;
  /** Switches back to the email and password form. */
  onUsePassword?: () => void;
}

/**
 * Asks for a token: the admin token the Herald server printed when it
 * started, or an API token.
 */
export function SignInPage({
  notice,
  onSignIn,
  onUsePassword,
}: SignInPageProps) {
  const [token, setToken] = useState('');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = token.trim();
    if (trimmed === '') {
      return;
    }

    onSignIn(trimmed);
  }

  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={handleSubmit}>
        <h1>Herald builder</h1>
        <p>
          Paste the admin token. The Herald server prints a link holding it when
          it starts.
        </p>
        {notice && (
          <p className="notice notice--error" role="alert">
            {notice}
          </p>
        )}
        <label className="field">
          <span className="field__label">Admin token</span>
          <input
            type="password"
            autoComplete="off"
            autoFocus
            value={token}
            onChange={(event) => setToken(event.target.value)}
            data-testid="token-input"
          />
        </label>
        <button
          type="submit"
          className="button button--primary"
          disabled={token.trim() === ''}
          data-testid="sign-in"
        >
          Sign in
        </button>
        {onUsePassword && (
          <button
            type="button"
            className="button button--quiet"
            onClick={onUsePassword}
          >
            Sign in with email and password
          </button>
        )}
      </form>
    </main>
  );
}
