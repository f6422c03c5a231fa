import { GraphQLError } from 'graphql';
import type { RecordedEvent } from '../../es/index.js';
import { builder } from '../builder.js';
import { MAX_PAGE_SIZE, parsePositionCursor, positionCursor } from '../position-cursor.js';
import { admin } from '../../auth/admin-role.js';

/**
 * The event browser: the exploration event-store notebooks do in raw SQL, as GraphQL. The whole
 * log in global order (filtered by type or correlation), one stream in version order, and a live
 * tail. In the log a cursor is the decimal global position; in a stream it is the stream version.
 */

const DEFAULT_PAGE = 50;

const EventMetadataType = builder.objectRef<RecordedEvent['metadata']>('EventMetadata').implement({
  description: 'Who and what caused an event.',
  fields: (t) => ({
    correlationId: t.string({
      description: 'Shared by every event one request or process caused.',
      resolve: (metadata) => metadata.correlationId,
    }),
    causationId: t.string({
      nullable: true,
      description: 'The id of the event or command that caused this one.',
      resolve: (metadata) => metadata.causationId ?? null,
    }),
    actor: t.string({ nullable: true, resolve: (metadata) => metadata.actor ?? null }),
    custom: t.field({
      type: 'JSON',
      description: 'Free metadata recorded by the writer.',
      resolve: ({ correlationId: _c, causationId: _k, actor: _a, ...custom }) => custom,
    }),
  }),
});

const LinkOriginType = builder.objectRef<{ streamId: string; version: number }>('EventOrigin').implement({
  description: 'Where a linked event was first appended.',
  fields: (t) => ({
    streamId: t.exposeString('streamId'),
    version: t.exposeInt('version'),
  }),
});

export const EventType = builder.objectRef<RecordedEvent>('Event').implement({
  description: 'A stored fact, with its place in its stream and in the global log.',
  fields: (t) => ({
    position: t.string({ description: 'The global position, as a decimal string.', resolve: (event) => positionCursor(event.position) }),
    eventId: t.exposeString('eventId'),
    streamId: t.exposeString('streamId', { description: 'The stream it was read through (for a linked event, the linking stream).' }),
    version: t.exposeInt('version', { description: 'Its version in `streamId`.' }),
    type: t.exposeString('type'),
    data: t.field({ type: 'JSON', resolve: (event) => event.data }),
    // Who did what, and with which roles, is for operators: an owner reading their own history sees the facts only.
    metadata: t.field({ type: EventMetadataType, access: admin, resolve: (event) => event.metadata }),
    occurredAt: t.field({ type: 'DateTime', resolve: (event) => event.occurredAt }),
    linkedFrom: t.field({
      type: LinkOriginType,
      nullable: true,
      description: 'Set when the event was read through a stream it was linked into.',
      resolve: (event) => event.linkedFrom ?? null,
    }),
  }),
});

const EventConnection = builder.connectionObject(
  { type: EventType, name: 'EventConnection', edgesNullable: { list: false, items: false }, nodeNullable: false },
  { name: 'EventEdge' },
);

interface StreamShape {
  id: string;
  version: number;
}

export const StreamType = builder.objectRef<StreamShape>('Stream').implement({
  description: 'One stream: its events in version order, linked events included.',
  fields: (t) => ({
    id: t.exposeString('id'),
    version: t.exposeInt('version', { description: 'The version of its last event.' }),
    events: t.field({
      type: EventConnection,
      description: 'Forward through the stream; the cursor is the stream version.',
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: async (stream, args, { app }) => {
        const first = pageSize(args.first);
        const after = args.after == null ? 0 : parsePositionCursor(args.after);
        const events = await app.store.readStream(stream.id, { fromVersion: after + 1, limit: first + 1 });
        return connection(events, first, after > 0, (event) => String(event.version));
      },
    }),
  }),
});

builder.queryFields((t) => ({
  events: t.field({
    access: admin,
    type: EventConnection,
    description: 'The whole log in global order, optionally narrowed to event types or one correlation.',
    args: {
      after: t.arg.string({ description: 'A position cursor: start after this position.' }),
      first: t.arg.int(),
      types: t.arg.stringList(),
      correlationId: t.arg.string(),
    },
    resolve: async (_root, args, { app }) => {
      const first = pageSize(args.first);
      const after = args.after == null ? 0 : parsePositionCursor(args.after);
      const events = await app.store.readAll({
        after,
        limit: first + 1,
        ...(args.types ? { types: args.types } : {}),
        ...(args.correlationId != null ? { correlationId: args.correlationId } : {}),
      });
      return connection(events, first, after > 0, (event) => positionCursor(event.position));
    },
  }),
  stream: t.field({
    access: admin,
    type: StreamType,
    nullable: true,
    description: 'A stream by id; null when nothing was ever appended or linked to it.',
    args: { id: t.arg.string({ required: true }) },
    resolve: async (_root, { id }, { app }) => {
      const version = await app.store.streamVersion(id);
      return version === 0 ? null : { id, version };
    },
  }),
}));

builder.subscriptionField('events', (t) =>
  t.field({
    access: admin,
    type: EventType,
    description: 'Every event after `after` (the head when omitted), then each new one as it commits: a live tail of the log.',
    args: {
      after: t.arg.string({ description: 'A position cursor; omit it to receive only new events.' }),
      streamId: t.arg.string(),
      types: t.arg.stringList(),
    },
    subscribe: (_root, args, { app }) =>
      app.feed.follow({
        ...(args.after != null ? { after: parsePositionCursor(args.after) } : {}),
        ...(args.streamId != null ? { streamId: args.streamId } : {}),
        ...(args.types ? { types: args.types } : {}),
      }),
    resolve: (event) => event,
  }),
);

function pageSize(first: number | null | undefined): number {
  if (first == null) return DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new GraphQLError(`"first" must be between 0 and ${MAX_PAGE_SIZE}`, { extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
  }
  return first;
}

/** One page from `first + 1` rows: the extra row only tells whether another page follows. */
function connection(rows: RecordedEvent[], first: number, hasPreviousPage: boolean, cursor: (event: RecordedEvent) => string) {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: cursor(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
