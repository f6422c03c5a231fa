import './account-query.js';
import './account-mutations.js';
import './transfer-query.js';
import './transfer-mutation.js';
import './balance-updated-subscription.js';
import './viewer-bank-accounts-field.js';
