import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the operations the tests send: write them with `graphql(`...`)` from
 * test/gql and run `npm run codegen`. `npm run codegen:check` fails when test/gql is stale.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/**/*.ts', '!test/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'test/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        importExtension: '.js',
        enumsAsTypes: true,
        onlyOperationTypes: true,
        strictScalars: true,
        scalars: {
          SafeInt: 'number',
          DateTime: 'string',
          JSON: 'unknown',
        },
      },
    },
  },
};

export default config;
