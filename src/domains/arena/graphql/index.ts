// The arena slice's GraphQL types, registered on the shared builder.
import './arena-query.js';
import './arena-mutations.js';
import './arena-top10-changed-subscription.js';
