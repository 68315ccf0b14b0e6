import { useEffect, useMemo, useState } from 'react';
import { measureMessage, renderTemplate } from '@herald/engine';
import type { ChannelName, ObjectTypeDef, RenderResult } from '@herald/engine';
import { useCustomerSample } from '../api/use-customer-sample';
import { customerFact } from '../simulate/simulation-facts';
import { channelLabel } from '../steps/channel-names';
import { sampleRecord } from '../steps/sample-record';
import { TestSendButton } from './TestSendButton';

/** Props of {@link TemplatePreview}. */
export interface TemplatePreviewProps {
  body: string;
  /** The object type sample records are made of; none: an empty record. */
  objectType: ObjectTypeDef | undefined;
  /** Offers "Send a test" of this text; absent: no button. */
  testSend?: TestSendSource;
}

/** Which stored Template a test send is of, and which of its texts. */
export interface TestSendSource {
  templateId: string;
  /** The variant previewed; null: the default body. */
  locale: string | null;
  /** Unsaved text to send instead of the stored one (admins). */
  body?: string;
  /** Why no test can be sent now; absent: it can. */
  blocked?: string;
}

const measuredChannels: ChannelName[] = ['sms', 'whatsapp', 'messenger'];

/**
 * The body rendered live for a sample Record and a chosen Customer, with
 * its length per Channel, SMS encoding and segments, and a warning where
 * a Channel's limit is passed.
 */
export function TemplatePreview({
  body,
  objectType,
  testSend,
}: TemplatePreviewProps) {
  const { customers } = useCustomerSample();
  const [customerId, setCustomerId] = useState('');
  const customer =
    customers?.find((item) => item.id === customerId) ?? customers?.[0];
  const record = useMemo(() => sampleRecord(objectType), [objectType]);
  const rendered = useRendered(body, record, customer);

  return (
    <div className="template-preview" data-testid="template-preview">
      <label className="field">
        <span className="field__label">Preview for</span>
        <select
          value={customer?.id ?? ''}
          onChange={(event) => setCustomerId(event.target.value)}
          data-testid="template-preview-customer"
        >
          {(customers ?? []).map((item) => (
            <option key={item.id} value={item.id}>
              {[item.firstName, item.lastName].filter(Boolean).join(' ')} ·{' '}
              {item.tier} · {item.locale}
            </option>
          ))}
        </select>
        <span className="field__hint muted">
          with a sample {objectType?.label ?? objectType?.name ?? 'record'}
        </span>
      </label>
      {rendered && !rendered.ok && (
        <p
          className="notice notice--error"
          data-testid="template-preview-error"
        >
          <span className="notice__code">{rendered.code}</span>{' '}
          {rendered.message}
        </p>
      )}
      {rendered?.ok && (
        <>
          <pre className="simulate__text" data-testid="template-preview-text">
            {rendered.text}
          </pre>
          <ChannelMeasures text={rendered.text} />
        </>
      )}
      {testSend && (
        <TestSendButton
          templateId={testSend.templateId}
          blocked={testSend.blocked}
          request={
            customer
              ? {
                  customerId: customer.id,
                  objectType: objectType?.name ?? null,
                  record,
                  locale: testSend.locale,
                  ...(testSend.body === undefined
                    ? {}
                    : { body: testSend.body }),
                }
              : null
          }
        />
      )}
    </div>
  );
}

function ChannelMeasures({ text }: { text: string }) {
  return (
    <ul className="template-preview__measures" data-testid="template-measures">
      {measuredChannels.map((channel) => {
        const measure = measureMessage(text, channel);
        return (
          <li
            key={channel}
            className={measure.tooLong ? 'field__error' : 'muted'}
            data-channel={channel}
            data-testid="template-measure"
          >
            {channelLabel(channel)}: {measure.characters}
            {measure.limit.maxCharacters
              ? ` / ${measure.limit.maxCharacters}`
              : ''}{' '}
            characters
            {measure.sms &&
              ` · ${measure.sms.encoding} · ${measure.sms.segments} ` +
                `segment${measure.sms.segments === 1 ? '' : 's'}`}
            {measure.sms &&
              measure.sms.nonGsmCharacters.length > 0 &&
              ` (UCS-2 because of ${measure.sms.nonGsmCharacters.join(' ')})`}
            {measure.tooLong && ' — too long for this channel'}
          </li>
        );
      })}
    </ul>
  );
}

// Renders after typing pauses; an older render never replaces a newer one.
function useRendered(
  body: string,
  record: Record<string, unknown>,
  customer: Parameters<typeof customerFact>[0] | undefined,
): RenderResult | null {
  const [rendered, setRendered] = useState<RenderResult | null>(null);

  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      const context = {
        record,
        customer: customer ? customerFact(customer) : {},
        prior: record,
        now: new Date().toISOString(),
      };
      const options = customer
        ? { locale: customer.locale, timeZone: customer.timeZone }
        : {};
      void renderTemplate(body, context, options).then((result) => {
        if (current) setRendered(result);
      });
    }, 150);

    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [body, record, customer]);

  return rendered;
}
