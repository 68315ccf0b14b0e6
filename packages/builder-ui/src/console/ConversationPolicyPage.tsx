import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ErrorNotice } from '../app/ErrorNotice';
import { routeHref } from '../app/app-route';
import { usePrincipal } from '../auth/principal-context';
import { createConsoleApi } from './console-api';
import { PILOT_CHANNELS } from './console-types';
import { FieldError, PilotFields } from './PilotFields';
import {
  fieldErrorsOf,
  formOf,
  policyOf,
  type FieldErrors,
  type PolicyForm,
} from './policy-form';
import './conversations.css';

/**
 * Admins set how Conversations behave: how long an Agent's presence
 * lasts without a heartbeat, how many routed Conversations an Agent
 * takes by default, whether the bot answers replies to triggered
 * messages (and for how long after), and the pilot audience of each
 * channel. The server checks every field; its complaints show under
 * the field they are about.
 */
export function ConversationPolicyPage() {
  const principal = usePrincipal();
  const api = useMemo(
    () => createConsoleApi(principal.csrfToken),
    [principal.csrfToken],
  );
  const [form, setForm] = useState<PolicyForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');

  useEffect(() => {
    api.policy().then((policy) => setForm(formOf(policy)), setFailure);
  }, [api]);

  const change = (next: Partial<PolicyForm>) => {
    setForm((current) => (current ? { ...current, ...next } : current));
    setState('idle');
  };

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const parsed = policyOf(form!);
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      return;
    }

    setState('saving');
    try {
      setForm(formOf(await api.savePolicy(parsed.policy)));
      setErrors({});
      setState('saved');
    } catch (caught) {
      const byField = fieldErrorsOf(caught);
      setErrors(byField);
      setFailure(Object.keys(byField).length > 0 ? null : caught);
      setState('idle');
    }
  };

  const invalid = Object.keys(errors).length > 0;
  return (
    <main className="page policy" data-testid="conversation-policy-page">
      <div className="page__header">
        <h1>Conversation settings</h1>
        <a href={routeHref({ page: 'conversations' })}>Back to conversations</a>
      </div>
      {failure !== null && (
        <ErrorNotice
          error={failure}
          action={form ? 'Saving failed' : 'Loading the settings failed'}
        />
      )}
      {form && (
        <form className="policy__form" onSubmit={save} noValidate>
          <section className="panel__section">
            <h2>Agents</h2>
            <NumberField
              label="Presence time-out (seconds)"
              hint="An agent whose console has been silent this long counts as offline."
              name="presenceTimeoutSeconds"
              value={form.presenceTimeoutSeconds}
              error={errors.presenceTimeoutSeconds}
              onChange={(value) => change({ presenceTimeoutSeconds: value })}
            />
            <NumberField
              label="Default capacity"
              hint="Routed conversations an agent takes at once, unless they set their own. Conversations an agent starts do not count."
              name="defaultCapacity"
              value={form.defaultCapacity}
              error={errors.defaultCapacity}
              onChange={(value) => change({ defaultCapacity: value })}
            />
          </section>
          <section className="panel__section">
            <h2>Bot</h2>
            <label className="choice">
              <input
                type="checkbox"
                checked={form.botEnabled}
                onChange={(event) =>
                  change({ botEnabled: event.target.checked })
                }
                data-testid="policy-botEnabled"
              />
              Answer replies to triggered messages with a menu of the
              customer&rsquo;s products
            </label>
            <NumberField
              label="Reply window (hours)"
              hint="How long after a triggered message a reply wakes the bot."
              name="botReplyWindowHours"
              value={form.botReplyWindowHours}
              error={errors.botReplyWindowHours}
              onChange={(value) => change({ botReplyWindowHours: value })}
            />
          </section>
          <section className="panel__section">
            <h2>Pilot audiences</h2>
            <p className="muted">
              While a channel is rolled out, only these customers chat on it;
              everyone else gets the polite answer and their message is stored.
            </p>
            {PILOT_CHANNELS.map((channel) => (
              <PilotFields
                key={channel}
                channel={channel}
                pilot={form.pilots[channel]}
                errors={errors}
                onChange={(pilot) =>
                  change({ pilots: { ...form.pilots, [channel]: pilot } })
                }
              />
            ))}
          </section>
          <div className="button-row">
            <button
              type="submit"
              className="button button--primary"
              disabled={state === 'saving'}
              data-testid="policy-save"
            >
              Save settings
            </button>
            {state === 'saved' && (
              <span className="notice notice--ok" data-testid="policy-saved">
                Saved.
              </span>
            )}
            {invalid && (
              <span
                className="notice notice--error"
                data-testid="policy-invalid"
              >
                Nothing was saved: fix the fields marked above.
              </span>
            )}
          </div>
        </form>
      )}
    </main>
  );
}

interface NumberFieldProps {
  label: string;
  hint: string;
  name: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

function NumberField(props: NumberFieldProps) {
  return (
    <label className="field policy__number">
      <span className="field__label">{props.label}</span>
      <input
        type="number"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={Boolean(props.error)}
        data-testid={`policy-${props.name}`}
      />
      <span className="field__hint muted">{props.hint}</span>
      <FieldError message={props.error} />
    </label>
  );
}
