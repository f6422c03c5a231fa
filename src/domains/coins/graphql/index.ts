// The coins slice's GraphQL types, registered on the shared builder.
import './coins-error-types.js';
import './coin-queries.js';
import './coin-mutations.js';
import './coin-balance-changed-subscription.js';
import './richest-changed-subscription.js';
