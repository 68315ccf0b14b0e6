import type { TestRecipient } from '../api/api-types';
import { ErrorNotice } from '../app/ErrorNotice';
import { channelLabel } from '../steps/channel-names';
import {
  useTestRecipientForm,
  type TestRecipientDraft,
} from './use-test-recipient-form';

/** Props of {@link TestRecipientForm}. */
export interface TestRecipientFormProps {
  /** The stored recipient; null when none is set yet. */
  initial: TestRecipient | null;
}

const channels: TestRecipient['channel'][] = ['sms', 'whatsapp', 'messenger'];

/**
 * Sets where the signed-in person's test sends go: a channel, and their
 * phone number (SMS, WhatsApp) or Messenger PSID on it. A refused field
 * is marked where it is typed.
 */
export function TestRecipientForm({ initial }: TestRecipientFormProps) {
  const form = useTestRecipientForm(initial);

  return (
    <form
      className="inspector__fields profile__form"
      onSubmit={(event) => {
        event.preventDefault();
        void form.save();
      }}
      data-testid="test-recipient-form"
    >
      <RecipientFields
        draft={form.draft}
        update={form.update}
        field={form.field}
      />
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          data-testid="test-recipient-save"
        >
          Save test recipient
        </button>
        {form.saved && (
          <span
            className="notice notice--ok"
            data-testid="test-recipient-saved"
          >
            Saved: tests go to you by {channelLabel(form.draft.channel)}
          </span>
        )}
      </div>
      {form.error !== null && (
        <div data-testid="test-recipient-error" data-field={form.field ?? ''}>
          <ErrorNotice
            error={form.error}
            action="Saving your test recipient failed"
          />
        </div>
      )}
    </form>
  );
}

function RecipientFields(props: {
  draft: TestRecipientDraft;
  update: (patch: Partial<TestRecipientDraft>) => void;
  /** The field the server refused, if any. */
  field: string | null;
}) {
  const { draft, update, field } = props;

  return (
    <>
      <label className="field">
        <span className="field__label">Send my tests by</span>
        <select
          value={draft.channel}
          onChange={(event) =>
            update({ channel: event.target.value as TestRecipient['channel'] })
          }
          data-testid="test-recipient-channel"
        >
          {channels.map((channel) => (
            <option key={channel} value={channel}>
              {channelLabel(channel)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">My phone number (SMS, WhatsApp)</span>
        <input
          type="tel"
          value={draft.phone}
          placeholder="+14155550100"
          aria-invalid={field === 'phone'}
          onChange={(event) => update({ phone: event.target.value })}
          data-testid="test-recipient-phone"
        />
        <span className="field__hint muted">
          With the country code; Herald stores it as +14155550100.
        </span>
      </label>
      <label className="field">
        <span className="field__label">My Messenger PSID</span>
        <input
          type="text"
          inputMode="numeric"
          value={draft.messengerPsid}
          aria-invalid={field === 'messengerPsid'}
          onChange={(event) => update({ messengerPsid: event.target.value })}
          data-testid="test-recipient-psid"
        />
      </label>
    </>
  );
}
