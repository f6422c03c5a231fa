// The calculator slice's GraphQL types, registered on the shared builder.
import './calculator-type.js';
import './calculator-mutations.js';
import './calculator-query.js';
