import { TokensSection } from './TokensSection';
import { UsersSection } from './UsersSection';

/** Admins manage who may use Herald: users and API tokens. */
export function AccessPage() {
  return (
    <main className="page" data-testid="access-page">
      <h1>Access</h1>
      <UsersSection />
      <TokensSection />
    </main>
  );
}
