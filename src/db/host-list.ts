/** Which server of a host list a session may use, as libpq's `target_session_attrs` names it. */
export type TargetSessionAttrs = 'read-write' | 'any';

export interface HostList {
  /** One connection string per host, in the order listed, each naming that host alone. */
  urls: string[];
  /** `target_session_attrs` when the connection string names it; otherwise the caller decides. */
  targetSessionAttrs: TargetSessionAttrs | undefined;
}

const URI = /^(postgres(?:ql)?:\/\/)([^/?#]*)(.*)$/s;

/**
 * Splits a libpq-style multi-host URI (`postgres://user@h1:5432,h2:5433/db?...`) into one URI per
 * host, for node-postgres, which connects to one host only. Anything else (a single host, a
 * key=value string) comes back as the one entry it is. `target_session_attrs` is taken out of the
 * query: it is for the host selection (`PrimaryLocator`), not for the server.
 */
export function parseHostList(connectionString: string): HostList {
  const match = URI.exec(connectionString);
  if (!match) return { urls: [connectionString], targetSessionAttrs: undefined };
  const [, scheme, authority, rest] = match as unknown as [string, string, string, string];
  const at = authority.lastIndexOf('@');
  const userinfo = at >= 0 ? authority.slice(0, at + 1) : '';
  const hosts = (at >= 0 ? authority.slice(at + 1) : authority).split(',');
  const { path, targetSessionAttrs } = withoutTargetSessionAttrs(rest);
  return {
    urls: hosts.map((host) => {
      if (host === '') throw new Error(`DATABASE_URL lists an empty host: ${redacted(connectionString)}`);
      return `${scheme}${userinfo}${host}${path}`;
    }),
    targetSessionAttrs,
  };
}

function withoutTargetSessionAttrs(rest: string): { path: string; targetSessionAttrs: TargetSessionAttrs | undefined } {
  const question = rest.indexOf('?');
  if (question < 0) return { path: rest, targetSessionAttrs: undefined };
  const params = new URLSearchParams(rest.slice(question + 1));
  const value = params.get('target_session_attrs');
  if (value === null) return { path: rest, targetSessionAttrs: undefined };
  if (value !== 'read-write' && value !== 'any') {
    throw new Error(`target_session_attrs must be read-write or any, got "${value}"`);
  }
  params.delete('target_session_attrs');
  const query = params.toString();
  return { path: rest.slice(0, question) + (query ? `?${query}` : ''), targetSessionAttrs: value };
}

/** The connection string without its password, for an error message. */
function redacted(connectionString: string): string {
  return connectionString.replace(/(:\/\/[^:@/]*):[^@/]*@/, '$1:***@');
}

/** host:port of a one-host URL, without the user or password: for messages. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || 'the configured host';
  } catch {
    return 'the configured host';
  }
}
