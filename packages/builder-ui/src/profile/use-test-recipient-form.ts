/**
 * The state of the test recipient form: the channel and addresses typed,
 * saving them, and the field the server refused.
 */
import { useState } from 'react';
import { useApi } from '../api/api-context';
import type { TestRecipient } from '../api/api-types';
import { errorField } from '../api/error-field';

/** What the form edits: empty strings for blank addresses. */
export interface TestRecipientDraft {
  channel: TestRecipient['channel'];
  phone: string;
  messengerPsid: string;
}

/** The draft, saving it, and what went wrong. */
export function useTestRecipientForm(initial: TestRecipient | null) {
  const api = useApi();
  const [draft, setDraft] = useState(toDraft(initial));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  function update(patch: Partial<TestRecipientDraft>) {
    setDraft({ ...draft, ...patch });
    setSaved(false);
  }

  async function save() {
    setError(null);
    try {
      const stored = await api.setTestRecipient({
        channel: draft.channel,
        phone: draft.phone.trim() || null,
        messengerPsid: draft.messengerPsid.trim() || null,
      });
      setDraft(toDraft(stored));
      setSaved(true);
    } catch (failure) {
      setError(failure);
    }
  }

  return { draft, update, save, saved, error, field: errorField(error) };
}

function toDraft(recipient: TestRecipient | null): TestRecipientDraft {
  return {
    channel: recipient?.channel ?? 'sms',
    phone: recipient?.phone ?? '',
    messengerPsid: recipient?.messengerPsid ?? '',
  };
}
