import './athlete-query.js';
import './challenge-queries.js';
import './challenge-mutations.js';
import './activity-recorded-subscription.js';
import './leaderboard-subscriptions.js';
import './notification-query.js';
import './notification-mutation.js';
import './notification-received-subscription.js';
