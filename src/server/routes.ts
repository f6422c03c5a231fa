import { activityWebhookRoute } from '../domains/challenges/http/activity-webhook-route.js';
import { liveAssetsRoute, liveChallengePageRoute } from '../domains/challenges/http/live-challenge-routes.js';
import type { HttpRoute } from './http-route.js';

/** Plain HTTP endpoints beside GraphQL. */
export const httpRoutes: readonly HttpRoute[] = [activityWebhookRoute, liveChallengePageRoute, liveAssetsRoute];
