/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Calculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n      ... on Calculator {\n        id\n        value\n        version\n        updatedAt\n      }\n      ... on Error {\n        code\n        message\n      }\n      ... on ValidationError {\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n": typeof types.CalculateDocument,
    "\n  query Calculator($id: ID!) {\n    calculator(id: $id) {\n      id\n      value\n      version\n    }\n  }\n": typeof types.CalculatorDocument,
    "\n  mutation AddInfinity($calculatorId: ID!) {\n    calculate(input: { calculatorId: $calculatorId, operation: ADD, operand: 1e999 }) {\n      __typename\n      ... on ValidationError {\n        code\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n": typeof types.AddInfinityDocument,
};
const documents: Documents = {
    "\n  mutation Calculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n      ... on Calculator {\n        id\n        value\n        version\n        updatedAt\n      }\n      ... on Error {\n        code\n        message\n      }\n      ... on ValidationError {\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n": types.CalculateDocument,
    "\n  query Calculator($id: ID!) {\n    calculator(id: $id) {\n      id\n      value\n      version\n    }\n  }\n": types.CalculatorDocument,
    "\n  mutation AddInfinity($calculatorId: ID!) {\n    calculate(input: { calculatorId: $calculatorId, operation: ADD, operand: 1e999 }) {\n      __typename\n      ... on ValidationError {\n        code\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n": types.AddInfinityDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Calculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n      ... on Calculator {\n        id\n        value\n        version\n        updatedAt\n      }\n      ... on Error {\n        code\n        message\n      }\n      ... on ValidationError {\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Calculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n      ... on Calculator {\n        id\n        value\n        version\n        updatedAt\n      }\n      ... on Error {\n        code\n        message\n      }\n      ... on ValidationError {\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Calculator($id: ID!) {\n    calculator(id: $id) {\n      id\n      value\n      version\n    }\n  }\n"): (typeof documents)["\n  query Calculator($id: ID!) {\n    calculator(id: $id) {\n      id\n      value\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddInfinity($calculatorId: ID!) {\n    calculate(input: { calculatorId: $calculatorId, operation: ADD, operand: 1e999 }) {\n      __typename\n      ... on ValidationError {\n        code\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddInfinity($calculatorId: ID!) {\n    calculate(input: { calculatorId: $calculatorId, operation: ADD, operand: 1e999 }) {\n      __typename\n      ... on ValidationError {\n        code\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;