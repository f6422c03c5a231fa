import { type ExecutionResult, GraphQLError } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';

/** graphql-js's hint in each form: `Did you mean "a", "b", or "c"?`, `… the enum value "A"?`, `… to use an inline fragment on "T"?`. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * With introspection off, error messages must not give the schema away either: graphql-js
 * suggests the names nearest a misspelt field, argument, type, enum value or input field, both
 * while validating (literals) and while executing (variables). Both lose the hint here.
 * (graphql-armor's block-field-suggestions covers only `Did you mean "…"?` while validating.)
 */
export function hideSuggestions(): Plugin {
  const hideInResult = ({ result, setResult }: { result: ExecutionResult; setResult: (result: ExecutionResult) => void }) => {
    if (result.errors?.length) setResult({ ...result, errors: result.errors.map(withoutSuggestion) });
  };
  return {
    onValidate:
      () =>
      ({ valid, result, setResult }) => {
        if (!valid) setResult(result.map(withoutSuggestion));
      },
    onExecute: () => ({ onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, hideInResult) }),
    onSubscribe: () => ({ onSubscribeResult: (payload) => handleStreamOrSingleExecutionResult(payload, hideInResult) }),
  };
}

function withoutSuggestion<E extends Error>(error: E): E | GraphQLError {
  const message = error.message.replace(SUGGESTION, '');
  if (message === error.message || !(error instanceof GraphQLError)) return error;
  const { nodes, source, positions, path, originalError, extensions } = error;
  return new GraphQLError(message, { nodes, source, positions, path, originalError, extensions });
}
