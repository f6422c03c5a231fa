import { NoPrimaryFound } from './no-primary-found.js';

/**
 * Errors the database layer raised (the pool, or a query on one of its connections), marked where
 * they were raised. A socket error means an outage only when it comes from there: a client that
 * hangs up, or an identity provider that cannot be reached, fails with the same codes.
 */
const raisedByDatabase = new WeakSet<object>();

/** Marks `error` as raised by the database layer; returns it, to be rethrown. */
export function fromDatabase<E>(error: E): E {
  if (typeof error === 'object' && error !== null) raisedByDatabase.add(error);
  return error;
}

/**
 * Whether `error` means the database could not be reached or went away (refused, reset, shut down,
 * starting up, out of connections, no primary among its hosts, turned read-only by a failover),
 * as opposed to a query it refused. Such failures are
 * transient: the same operation can succeed once the database is back. Only an error the
 * database layer raised (`fromDatabase`), or one caused by such an error, can say so.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (raisedByDatabase.has(error)) return isConnectionFailure(error);
  if (error instanceof AggregateError && error.errors.some(isDatabaseUnavailable)) return true;
  return error instanceof Error && isDatabaseUnavailable(error.cause);
}

/**
 * Whether `error`, wherever it was raised, is a connection failing or a server that no longer
 * takes writes: what tells the host selection (`PrimaryLocator.lost`) to look for the primary again.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof NoPrimaryFound) return true;
  if (error instanceof AggregateError) return error.errors.some(isConnectionFailure);
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08')) return true;
  }
  return CLIENT_MESSAGES.some((message) => error.message.startsWith(message)) || isConnectionFailure(error.cause);
}

/** Node's socket errors. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server going away or not accepting work yet (class 08, connection exceptions, is
 * matched by prefix): admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections,
 * and read_only_sql_transaction: Chronicle never asks for a read-only transaction, so a write
 * refused as read-only means the server it reached is no longer the primary (demoted, or a
 * standby now answering at that address).
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300', '25006']);

/** node-postgres reports a connection lost mid-query without a code. */
const CLIENT_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error',
  'timeout exceeded when trying to connect',
  'Query read timeout',
];
