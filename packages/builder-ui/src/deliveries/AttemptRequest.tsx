/** How a request's `form` reads: plain text, or the form used outside the window. */
function describeForm(form: unknown): string | null {
  if (!form || typeof form !== 'object') {
    return null;
  }

  const { kind, name, tag } = form as Record<string, unknown>;
  if (kind === 'whatsapp-template') {
    return `WhatsApp template ${String(name)}`;
  }
  if (kind === 'messenger-tag') {
    return `Messenger tag ${String(tag)}`;
  }

  return kind === 'text' ? 'text' : null;
}

/** What an Attempt sent: the address, the form and the body. */
export function AttemptRequest({ request }: { request: unknown }) {
  if (!request || typeof request !== 'object') {
    return null;
  }

  const { to, body, form } = request as Record<string, unknown>;
  const formWords = describeForm(form);

  return (
    <dl className="timeline__request" data-testid="attempt-request">
      {typeof to === 'string' && <dt>To</dt>}
      {typeof to === 'string' && <dd>{to}</dd>}
      {formWords && <dt>Form</dt>}
      {formWords && <dd>{formWords}</dd>}
      {typeof body === 'string' && <dt>Body</dt>}
      {typeof body === 'string' && <dd className="timeline__text">{body}</dd>}
    </dl>
  );
}
