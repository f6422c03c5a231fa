import './order-queries.js';
import './order-mutations.js';
import './shipment-query.js';
import './shipment-mutations.js';
import './blocked-products-query.js';
import './product-block-mutations.js';
import './order-status-changed-subscription.js';
import './viewer-orders-field.js';
