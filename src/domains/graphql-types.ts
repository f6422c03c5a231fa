// Each domain slice's GraphQL types, registered on the shared builder.
import './bank/graphql/index.js';
import './calculator/graphql/index.js';
import './orders/graphql/index.js';
import './coins/graphql/index.js';
import './arena/graphql/index.js';
import './challenges/graphql/index.js';

export {};
