import { useEffect, useId, useState } from 'react';
import { ErrorNotice } from '../app/ErrorNotice';
import { ChannelWindowNotice } from './ChannelWindowNotice';
import type { ConsoleApi } from './console-api';
import { templateRefusal } from './template-refusal';
import type {
  ChannelState,
  MessageInput,
  QuickPhrase,
  TemplateChoice,
} from './console-types';

/** Props of {@link Composer}. */
export interface ComposerProps {
  api: ConsoleApi;
  customerId: string;
  channel: ChannelState | undefined;
  objectType: string | null;
  recordId: string | null;
  onSend: (input: MessageInput) => Promise<void>;
}

/** A Template refused only for lacking the channel's approved form. */
const NOT_APPROVED = 'HERALD_CONVERSATION_TEMPLATE_NOT_APPROVED';

/**
 * Writes a message: free text with quick phrases where the channel
 * allows it, or a Template from the library (rendered for this Customer
 * and Record). Outside a 24-hour window there is no text box: only the
 * approved Templates are offered, with a notice saying why. The choice
 * follows the channel's state, so a reply that opens the window (seen on
 * the live stream) brings free text back without a reload. Templates
 * that cannot be sent now are listed under the picker with the reason.
 */
export function Composer(props: ComposerProps) {
  const { api, channel } = props;
  const [text, setText] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [templates, setTemplates] = useState<TemplateChoice[]>([]);
  const [phrases, setPhrases] = useState<QuickPhrase[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const refusalsId = useId();

  useEffect(() => {
    void api.quickPhrases().then(setPhrases, setError);
  }, [api]);

  useEffect(() => {
    void api
      .options({
        customerId: props.customerId,
        channel: channel?.channel,
        objectType: props.objectType ?? undefined,
        recordId: props.recordId ?? undefined,
      })
      .then((options) => setTemplates(options.templates), setError);
  }, [
    api,
    props.customerId,
    channel?.channel,
    channel?.freeText,
    props.objectType,
    props.recordId,
  ]);

  const freeText = channel?.freeText ?? false;
  const windowClosed = Boolean(channel?.usable && !freeText);
  const offered = windowClosed
    ? templates.filter((template) => template.reason !== NOT_APPROVED)
    : templates;
  const chosen = offered.find((template) => template.id === templateId);
  const refusals = offered.flatMap((template) => {
    const reason = templateRefusal(template, {
      channelUsable: Boolean(channel?.usable),
      hasRecord: Boolean(props.objectType && props.recordId),
    });
    return reason ? [{ template, reason }] : [];
  });
  const canSend =
    !sending &&
    (templateId ? Boolean(chosen?.allowed) : freeText && text.trim() !== '');

  const send = async () => {
    setSending(true);
    setError(null);
    try {
      await props.onSend(templateId ? { templateId } : { text });
      setText('');
      setTemplateId('');
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="composer" data-testid="composer">
      {!channel?.usable && (
        <p className="notice notice--error">
          This customer cannot be messaged on this channel (no address or no
          opt-in).
        </p>
      )}
      {windowClosed && channel && (
        <ChannelWindowNotice
          channel={channel}
          hidden={templates.length - offered.length}
        />
      )}
      <select
        className="composer__templates"
        value={templateId}
        onChange={(event) => setTemplateId(event.target.value)}
        data-testid="template-picker"
        aria-label="Template"
        aria-describedby={refusals.length > 0 ? refusalsId : undefined}
      >
        <option value="">
          {freeText ? 'Free text' : 'Pick an approved template…'}
        </option>
        {offered.map((template) => (
          <option
            key={template.id}
            value={template.id}
            disabled={!template.allowed}
          >
            {template.name}
            {template.allowed ? '' : ' (not available now, see below)'}
          </option>
        ))}
      </select>
      {refusals.length > 0 && (
        <ul
          id={refusalsId}
          className="composer__refusals muted"
          data-testid="template-refusals"
        >
          {refusals.map(({ template, reason }) => (
            <li key={template.id} data-testid="template-refusal">
              {template.name} cannot be sent now: {reason}.
            </li>
          ))}
        </ul>
      )}
      {chosen?.preview && (
        <p className="composer__preview" data-testid="template-preview">
          {chosen.preview}
        </p>
      )}
      {!templateId && freeText && (
        <>
          <textarea
            className="composer__text"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="Write a message"
            aria-label="Message"
            data-testid="composer-text"
            rows={3}
          />
          <div className="composer__phrases" aria-label="Quick phrases">
            {phrases.map((phrase) => (
              <button
                key={phrase.id}
                type="button"
                className="button button--small button--quiet"
                title={phrase.body}
                onClick={() =>
                  setText(
                    (current) =>
                      `${current}${current ? ' ' : ''}${phrase.body}`,
                  )
                }
                data-testid="quick-phrase"
              >
                {phrase.label}
              </button>
            ))}
          </div>
        </>
      )}
      {error !== null && <ErrorNotice error={error} action="Sending failed" />}
      <button
        type="button"
        className="button button--primary"
        disabled={!canSend}
        onClick={send}
        data-testid="composer-send"
      >
        Send
      </button>
    </div>
  );
}
