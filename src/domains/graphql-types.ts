// Each domain slice's GraphQL types, registered on the shared builder.
import './calculator/graphql/index.js';

export {};
