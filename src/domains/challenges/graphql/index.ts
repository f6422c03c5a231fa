import './challenge-error-types.js';
import './athlete-type.js';
import './challenge-queries.js';
import './challenge-mutations.js';
import './leaderboard-subscriptions.js';
import './notifications.js';
