import { useEffect, useState } from 'react';
import { usePrincipal } from '../auth/principal-context';
import type { ConsoleApi } from './console-api';
import type { AgentPresence } from './console-types';

/** Props of {@link PresenceToggle}. */
export interface PresenceToggleProps {
  api: ConsoleApi;
}

const STATUSES: AgentPresence['status'][] = ['online', 'away', 'offline'];

/**
 * The signed-in Agent's presence: online, away or offline. Replies are
 * routed to online Agents only; the console's live stream keeps an
 * online presence from timing out while the page is open.
 */
export function PresenceToggle({ api }: PresenceToggleProps) {
  const principal = usePrincipal();
  const [status, setStatus] = useState<AgentPresence['status'] | null>(null);

  useEffect(() => {
    void api.presence().then((agents) => {
      const me = agents.find((agent) => agent.email === principal.name);
      setStatus(me?.effectiveStatus ?? 'offline');
    });
  }, [api, principal.name]);

  if (principal.kind !== 'user') {
    return null;
  }

  return (
    <div className="presence" role="group" aria-label="Presence">
      {STATUSES.map((option) => (
        <button
          key={option}
          type="button"
          className={
            status === option
              ? `button button--small presence__${option} presence--current`
              : 'button button--small button--quiet'
          }
          aria-pressed={status === option}
          data-testid={`presence-${option}`}
          onClick={async () => {
            const saved = await api.setPresence(option);
            setStatus(saved.status);
          }}
        >
          {option}
        </button>
      ))}
    </div>
  );
}
