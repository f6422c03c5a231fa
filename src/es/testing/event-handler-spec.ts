import { deepStrictEqual, fail } from 'node:assert/strict';
import type { Command, DomainEvent } from '../aggregate.js';
import type { DomainError } from '../domain-error.js';
import type { EventHandler } from '../runtime/event-handler.js';
import type { ReactionContext } from '../runtime/reaction-context.js';
import type { RecordedEvent } from '../recorded-event.js';

/** A command as a test writes it: its type plus any fields. */
type ExpectedCommand = Command & Record<string, unknown>;

interface Reaction {
  dispatched: ExpectedCommand[];
  linked: string[];
  error: unknown;
}

export interface HandlerSpecOptions {
  /** How the router answers a command type: the domain error it refuses it with. */
  refuse?: Record<string, DomainError>;
}

/**
 * when(event).then(commands) for an event handler, with no database: the handler runs against a
 * context that records the commands it dispatches and the streams it links the event into.
 * An event may carry recorded fields (`eventId`, `metadata`, ...) where the handler reads them.
 */
export function eventHandlerSpec<E extends DomainEvent>(handler: EventHandler<E>) {
  return {
    when(event: E & Partial<RecordedEvent>, options: HandlerSpecOptions = {}) {
      const react = () => run(handler, asRecorded(event), options);
      return {
        async then(...expected: ExpectedCommand[]): Promise<void> {
          const reaction = await react();
          if (reaction.error) fail(`expected commands, the handler threw ${String(reaction.error)}`);
          deepStrictEqual(reaction.dispatched, expected);
        },
        async thenLinked(...streamIds: string[]): Promise<void> {
          const reaction = await react();
          if (reaction.error) fail(`expected links, the handler threw ${String(reaction.error)}`);
          deepStrictEqual(reaction.linked, streamIds);
        },
        async thenThrows(): Promise<unknown> {
          const reaction = await react();
          if (!reaction.error) fail(`expected the handler to throw, it dispatched ${JSON.stringify(reaction.dispatched)}`);
          return reaction.error;
        },
      };
    },
  };
}

async function run<E extends DomainEvent>(
  handler: EventHandler<E>,
  event: RecordedEvent,
  { refuse = {} }: HandlerSpecOptions,
): Promise<Reaction> {
  const reaction: Reaction = { dispatched: [], linked: [], error: undefined };
  const context: ReactionContext = {
    get db(): never {
      throw new Error('an event handler spec has no database');
    },
    async dispatch(command) {
      reaction.dispatched.push(command as ExpectedCommand);
      const refusal = refuse[command.type];
      if (refusal) throw refusal;
      return { aggregateId: '', streamId: '', version: 0, events: [], position: undefined };
    },
    async link(streamId) {
      reaction.linked.push(streamId);
    },
  };
  const react = (handler.handlers as Record<string, ((event: RecordedEvent, context: ReactionContext) => Promise<void>) | undefined>)[
    event.type
  ];
  try {
    await react?.(event, context);
  } catch (error) {
    reaction.error = error;
  }
  return reaction;
}

function asRecorded(event: DomainEvent & Partial<RecordedEvent>): RecordedEvent {
  return {
    position: 1,
    eventId: '00000000-0000-4000-8000-000000000000',
    streamId: 'spec',
    version: 1,
    occurredAt: new Date(0),
    ...event,
    metadata: { correlationId: 'spec', causationId: undefined, actor: undefined, ...event.metadata },
  };
}
