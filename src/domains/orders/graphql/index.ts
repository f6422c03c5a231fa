import './order-error-types.js';
import './order-queries.js';
import './order-mutations.js';
import './shipment-mutations.js';
import './product-block-mutations.js';
import './order-status-changed-subscription.js';
