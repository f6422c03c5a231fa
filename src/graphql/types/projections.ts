import {
  type DeadLetter,
  domainError,
  everyone,
  type ProjectionVersionProgress,
  type ProjectionVersionStatus,
  type RuntimeKind,
  type RuntimeState,
  type RuntimeStatus,
  UnknownRuntimeError,
} from '../../es/index.js';
import { builder } from '../builder.js';
import type { GraphQLContext } from '../context.js';
import { positionCursor } from '../position-cursor.js';
import { errorType } from './errors.js';
import { EventType } from './event-browser.js';
import { admin } from '../../auth/admin-role.js';

/**
 * Operating the read side: where every projector, event handler and process manager stands,
 * which events they gave up on, and the two repairs: retry a dead letter, rebuild a projection.
 */

export const UnknownProjection = domainError('UNKNOWN_PROJECTION', 'No projector has this name', 'No projector has this name.');
export const DeadLetterNotFound = domainError(
  'DEAD_LETTER_NOT_FOUND',
  'No pending dead letter has this id',
  'No dead letter waiting for a retry has this id.',
);
export const DeadLetterRetryFailed = domainError(
  'DEAD_LETTER_RETRY_FAILED',
  'The handler failed again',
  'The handler failed again; the dead letter stays.',
);
errorType(UnknownProjection);
errorType(DeadLetterNotFound);
errorType(DeadLetterRetryFailed);

const RuntimeKindEnum = builder.enumType('RuntimeKind', {
  values: {
    PROJECTOR: { value: 'projector' },
    EVENT_HANDLER: { value: 'event-handler' },
    PROCESS_MANAGER: { value: 'process-manager' },
  } satisfies Record<string, { value: RuntimeKind }>,
});

const RuntimeStateEnum = builder.enumType('RuntimeState', {
  values: {
    STARTING: { value: 'starting' },
    CATCHING_UP: { value: 'catching-up' },
    LIVE: { value: 'live', description: 'Processed the whole log; waiting for new events.' },
    REBUILDING: { value: 'rebuilding' },
    STANDBY: {
      value: 'standby',
      description: 'Another instance runs it; this one follows its checkpoint and takes over if that instance goes away.',
    },
    STOPPED: { value: 'stopped' },
    FAILED: { value: 'failed', description: 'The last batch failed; it is retried with backoff.' },
  } satisfies Record<string, { value: RuntimeState; description?: string }>,
});

const ProjectionVersionStatusEnum = builder.enumType('ProjectionVersionStatus', {
  values: {
    LIVE: { value: 'live', description: 'The tables queries read.' },
    BUILDING: { value: 'building', description: 'Being built beside the live tables; switches in once it has caught up with the head.' },
    RETIRED: { value: 'retired', description: 'Switched out; its tables are dropped.' },
  } satisfies Record<string, { value: ProjectionVersionStatus; description: string }>,
});

const ProjectionVersionType = builder.objectRef<ProjectionVersionProgress>('ProjectionVersion').implement({
  description: 'One generation of a projector’s tables (docs/projections.md).',
  fields: (t) => ({
    id: t.exposeID('id', { description: '`<projection>#<generation>`.' }),
    generation: t.exposeInt('generation'),
    codeVersion: t.exposeInt('codeVersion', { description: 'The projector code version that writes it.' }),
    status: t.field({ type: ProjectionVersionStatusEnum, resolve: (version) => version.status }),
    position: t.string({
      nullable: true,
      description: 'The last position it has stored: while building, how far the replay has got; null once retired.',
      resolve: (version) => (version.position === null ? null : positionCursor(version.position)),
    }),
    head: t.string({ description: 'The head of the log when this was read.', resolve: (version) => positionCursor(version.head) }),
    createdAt: t.field({ type: 'DateTime', resolve: (version) => version.createdAt }),
    switchedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it went live.', resolve: (version) => version.switchedAt }),
    retiredAt: t.field({ type: 'DateTime', nullable: true, resolve: (version) => version.retiredAt }),
  }),
});

/** A runtime's status; after `rebuildProjection`, with the version it asked for. */
type ProjectionSource = RuntimeStatus & { requestedVersion?: string };

const ProjectionType = builder.objectRef<ProjectionSource>('Projection').implement({
  description: 'A checkpointed reader of the log (projector, event handler or process manager) and where it stands.',
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.field({ type: RuntimeKindEnum, resolve: (status) => status.kind }),
    checkpoint: t.string({ description: 'The last position it processed.', resolve: (status) => positionCursor(status.checkpoint) }),
    head: t.string({ description: 'The head of the log when the status was read.', resolve: (status) => positionCursor(status.head) }),
    lag: t.field({ type: 'SafeInt', description: 'Events between the checkpoint and the head.', resolve: (status) => status.lag }),
    status: t.field({ type: RuntimeStateEnum, resolve: (status) => status.state }),
    error: t.string({ nullable: true, description: 'The last error, while failing.', resolve: (status) => status.error ?? null }),
    versions: t.field({
      type: [ProjectionVersionType],
      description:
        'A projector’s versions of its tables, oldest first: the live one, one being built, the retired ones. Empty for other runtimes.',
      resolve: (status, _args, { app }) => (status.kind === 'projector' ? app.runtimes.versions(status.name) : []),
    }),
    building: t.field({
      type: ProjectionVersionType,
      nullable: true,
      description:
        'The version being built beside the live one, if any. In the answer to `rebuildProjection`, the version it asked for, whatever its status by then.',
      resolve: async (status, _args, { app }) => {
        if (status.kind !== 'projector') return null;
        const versions = await app.runtimes.versions(status.name);
        const wanted = status.requestedVersion;
        return versions.find((version) => (wanted ? version.id === wanted : version.status === 'building')) ?? null;
      },
    }),
  }),
});

const DeadLetterType = builder.objectRef<DeadLetter>('DeadLetter').implement({
  description: 'An event a handler gave up on after its retries; processing went on past it.',
  fields: (t) => ({
    id: t.field({ type: 'SafeInt', resolve: (letter) => letter.id }),
    handler: t.exposeString('handler'),
    position: t.string({ resolve: (letter) => positionCursor(letter.position) }),
    eventId: t.exposeString('eventId'),
    eventType: t.exposeString('eventType'),
    error: t.exposeString('error'),
    attempts: t.exposeInt('attempts'),
    failedAt: t.field({ type: 'DateTime', resolve: (letter) => letter.failedAt }),
    event: t.field({
      type: EventType,
      nullable: true,
      resolve: async (letter, _args, { app }) => (await app.store.readEvent(letter.eventId)) ?? null,
    }),
  }),
});

builder.queryFields((t) => ({
  projections: t.field({
    access: everyone,
    type: [ProjectionType],
    description: 'Every projector, event handler and process manager, with its checkpoint and lag.',
    resolve: (_root, _args, { app }) => app.runtimes.status(),
  }),
  deadLetters: t.field({
    access: admin,
    type: [DeadLetterType],
    description: 'Dead letters waiting for a retry, oldest first.',
    args: { handler: t.arg.string({ description: 'Only this handler’s.' }) },
    resolve: (_root, args, { app }) => app.runtimes.deadLetters(args.handler ?? undefined),
  }),
}));

builder.mutationFields((t) => ({
  retryDeadLetter: t.field({
    access: admin,
    type: DeadLetterType,
    description: 'Runs a dead-lettered event through its handler again; on success it leaves the list.',
    errors: { types: [DeadLetterNotFound, DeadLetterRetryFailed] },
    args: { id: t.arg({ type: 'SafeInt', required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const letter = (await ctx.app.runtimes.deadLetters()).find((candidate) => candidate.id === id);
      if (!letter) throw new DeadLetterNotFound(`No pending dead letter has id ${id}`);
      try {
        await ctx.app.runtimes.retryDeadLetter(id);
      } catch (error) {
        logRetryFailure(ctx, letter, error);
        throw new DeadLetterRetryFailed(`${letter.handler} failed again: ${error instanceof Error ? error.message : String(error)}`);
      }
      return letter;
    },
  }),
  rebuildProjection: t.field({
    access: admin,
    type: ProjectionType,
    description:
      'Builds a new version of a projector’s tables beside the live ones, from the whole log; queries read the live tables until it has caught up, then it replaces them at once. Answers at once, with the new version in `building`. A projector that names no tables is emptied and replayed in place.',
    errors: { types: [UnknownProjection] },
    args: { name: t.arg.string({ required: true }) },
    resolve: async (_root, { name }, { app }) => {
      let requestedVersion: string;
      try {
        requestedVersion = await app.runtimes.rebuild(name);
      } catch (error) {
        if (error instanceof UnknownRuntimeError) throw new UnknownProjection(`No projector is named "${name}"`);
        throw error;
      }
      const status = (await app.runtimes.status()).find((candidate) => candidate.name === name);
      if (!status) throw new UnknownProjection(`No projector is named "${name}"`);
      return { ...status, requestedVersion };
    },
  }),
}));

function logRetryFailure(ctx: GraphQLContext, letter: DeadLetter, error: unknown): void {
  ctx.app.logger.warn({ err: error, requestId: ctx.requestId, deadLetter: letter.id, handler: letter.handler }, 'dead letter retry failed');
}
