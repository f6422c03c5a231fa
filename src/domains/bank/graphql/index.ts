import './account-query.js';
import './account-mutations.js';
import './transfer-fields.js';
import './balance-updated-subscription.js';
