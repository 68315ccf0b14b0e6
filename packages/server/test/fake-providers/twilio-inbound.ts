/**
 * The fake Twilio's side of a customer's reply: a signed incoming-message
 * webhook posted to Herald, as Twilio would send it.
 */
import twilio from 'twilio';
import { TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN } from './fake-twilio.js';

let sequence = 0;

/** Posts a signed inbound SMS from `from` to Herald; answers the status. */
export async function postTwilioInbound(
  heraldUrl: string,
  from: string,
  body: string,
  to = '+14155550199',
) {
  sequence += 1;
  const url = `${heraldUrl}/webhooks/twilio/inbound`;
  const params = {
    MessageSid: `SM${Date.now()}${String(sequence).padStart(8, '0')}`,
    AccountSid: TWILIO_ACCOUNT_SID,
    From: from,
    To: to,
    Body: body,
  };
  const signature = twilio.getExpectedTwilioSignature(
    TWILIO_AUTH_TOKEN,
    url,
    params,
  );
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature,
    },
    body: new URLSearchParams(params).toString(),
  });
  await response.arrayBuffer();
  return response.status;
}
