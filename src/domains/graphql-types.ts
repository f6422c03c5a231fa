// Each domain slice's GraphQL types, registered on the shared builder.
import './bank/graphql/index.js';
import './calculator/graphql/index.js';
import './challenges/graphql/index.js';

export {};
