/** Who sends a command: a subject (a user, or one of the system's own processes) and the roles it holds. */
export interface Actor {
  readonly subject: string;
  readonly roles: readonly string[];
}

/** The role of the system's own processes: process managers and event handlers. */
export const SYSTEM_ROLE = 'system';

/** The subjects of the system's own actors: `system:<handler name>`. */
export const SYSTEM_SUBJECT_PREFIX = 'system:';

/** Roles the server gives its own actors and never accepts from a token (see `authenticator.ts`). */
export const RESERVED_ROLES: ReadonlySet<string> = new Set([SYSTEM_ROLE]);

/** The actor a process manager or event handler dispatches as: the commands it sends are the system's own. */
export function systemActor(name: string): Actor {
  return { subject: `${SYSTEM_SUBJECT_PREFIX}${name}`, roles: [SYSTEM_ROLE] };
}

export function isSystemActor(actor: Actor | undefined): boolean {
  return actor?.roles.includes(SYSTEM_ROLE) ?? false;
}

/** An actor given by its subject alone holds no roles. */
export function toActor(actor: Actor | string | undefined): Actor | undefined {
  return typeof actor === 'string' ? { subject: actor, roles: [] } : actor;
}
