// Each domain slice's GraphQL types, registered on the shared builder.
export {};
