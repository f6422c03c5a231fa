import { type FieldError, systemActor, ValidationError } from '../../../es/index.js';
import type { ServerResponse } from 'node:http';
import type { HttpRoute } from '../../../server/http-route.js';
import { readBody, sendJson } from '../../../server/http-route.js';
import { verifyHmacSignature } from '../../../server/hmac-signature.js';
import { toTrackerCommand, trackerNotificationSchema } from './tracker-notification.js';

export const SIGNATURE_HEADER = 'x-chronicle-signature';
const MAX_BODY_BYTES = 64 * 1024;
const WEBHOOK_ACTOR = systemActor('activity-webhook');

/**
 * POST /webhooks/activities: a tracker's activity notifications, signed with HMAC-SHA256 of the
 * raw body (`X-Chronicle-Signature: sha256=<hex>`) under the shared ACTIVITY_WEBHOOK_SECRET.
 * A bad signature gets 401 before the body is even parsed; a valid notification is recorded
 * (idempotently: a repeat is a no-op) and the challenge-competitor process imports it.
 */
export const activityWebhookRoute: HttpRoute = {
  method: 'POST',
  path: '/webhooks/activities',
  async handle({ app, request, response }) {
    const secret = app.config.activityWebhookSecret;
    if (!secret) return sendJson(response, 404, { error: 'The activity webhook is not configured (ACTIVITY_WEBHOOK_SECRET)' });
    const body = await readBody(request, MAX_BODY_BYTES);
    if (!body) return sendJson(response, 413, { error: `The body exceeds ${MAX_BODY_BYTES} bytes` });
    if (!verifyHmacSignature(secret, body, request.headers[SIGNATURE_HEADER])) {
      return sendJson(response, 401, { error: 'Bad or missing signature' });
    }

    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(response, 400, { error: 'The body is not JSON' });
    }
    const parsed = trackerNotificationSchema.safeParse(json);
    if (!parsed.success) {
      return sendInvalid(
        response,
        parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      );
    }
    const command = toTrackerCommand(parsed.data);
    if ('ignored' in command) return sendJson(response, 202, { accepted: false, ignored: command.ignored });
    // The signature vouches for the tracker, so what it reports is recorded as the system's own.
    try {
      const result = await app.router.dispatch(command, { actor: WEBHOOK_ACTOR });
      sendJson(response, 202, { accepted: true, recorded: result.events.length > 0 });
    } catch (error) {
      // The notification passed the command's field rules; a rule over the whole command is still about the client's input.
      if (error instanceof ValidationError) return sendInvalid(response, error.fields);
      throw error;
    }
  },
};

/** 400 with every failing field, also spelled out in `error` for whoever reads only that. */
function sendInvalid(response: ServerResponse, fields: FieldError[]): void {
  const reasons = fields.map((field) => `${field.path || '(body)'}: ${field.message}`).join('; ');
  sendJson(response, 400, { error: `Not an activity notification: ${reasons}`, fields });
}
