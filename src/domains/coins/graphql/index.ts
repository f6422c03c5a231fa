// The coins slice's GraphQL types and fields, registered on the shared builder.
import './coin-account-type.js';
import './coin-transfer-type.js';
import './coin-queries.js';
import './coin-mutations.js';
import './coin-balance-changed-subscription.js';
import './richest-changed-subscription.js';
import './viewer-coin-accounts-field.js';
