// The calculator slice's GraphQL types, registered on the shared builder.
import './calculator-type.js';
import './calculate-mutation.js';
import './calculator-query.js';
