import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainModule } from '../../src/app/domain-module.js';
import { defineEventHandler } from '../../src/es/runtime/event-handler.js';
import { defineProjector } from '../../src/es/runtime/projector.js';
import { graphql } from '../gql/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const Projections = graphql(`
  query Projections {
    projections {
      name
      kind
      checkpoint
      head
      lag
      status
      error
    }
  }
`);

const DeadLetters = graphql(`
  query DeadLetters($handler: String) {
    deadLetters(handler: $handler) {
      id
      handler
      position
      eventType
      error
      attempts
      event {
        streamId
        data
      }
    }
  }
`);

const RetryDeadLetter = graphql(`
  mutation RetryDeadLetter($id: SafeInt!) {
    retryDeadLetter(id: $id) {
      __typename
      ... on DeadLetter {
        id
        eventType
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

const RebuildProjection = graphql(`
  mutation RebuildProjection($name: String!) {
    rebuildProjection(name: $name) {
      __typename
      ... on Projection {
        name
        kind
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

type Deposited = { type: 'Deposited'; data: { amount: number } };

/** A read model kept in memory: enough to watch a rebuild empty and refill it. */
const seen: string[] = [];
const ledger = defineProjector<unknown, Deposited>({
  name: 'ledger',
  handlers: {
    Deposited: async (_trx, event) => {
      seen.push(event.eventId);
    },
  },
  reset: async () => {
    seen.length = 0;
  },
});

/** Fails on every event until the mailer is "fixed". */
let mailerFixed = false;
const mailer = defineEventHandler<Deposited>({
  name: 'mailer',
  errorPolicy: { retries: 1, backoffMs: 1 },
  handlers: {
    Deposited: async () => {
      if (!mailerFixed) throw new Error('SMTP relay refused the message');
    },
  },
});

const bookkeeping: DomainModule = {
  name: 'bookkeeping',
  register: ({ runtimes }) => void runtimes.addProjector(ledger).addEventHandler(mailer),
};

describe('projections and their repairs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ domains: [bookkeeping] });
    await t.app.store.append('account-1', [
      { type: 'Deposited', data: { amount: 5 } },
      { type: 'Deposited', data: { amount: 7 } },
    ]);
    await t.settle();
  });

  afterAll(() => t.stop());

  it('lists every runtime with its kind, checkpoint, lag and state', async () => {
    const result = await t.graphql(Projections);
    expect(result.errors).toBeUndefined();
    expect(result.data!.projections).toEqual([
      { name: 'ledger', kind: 'PROJECTOR', checkpoint: '2', head: '2', lag: 0, status: 'LIVE', error: null },
      { name: 'mailer', kind: 'EVENT_HANDLER', checkpoint: '2', head: '2', lag: 0, status: 'LIVE', error: null },
    ]);
  });

  it('shows the lag of a runtime that is behind the log', async () => {
    await t.app.runtimes.stop();
    try {
      await t.app.store.append('account-2', [
        { type: 'Opened', data: {} },
        { type: 'Opened', data: {} },
        { type: 'Opened', data: {} },
      ]);
      const result = await t.graphql(Projections);
      expect(result.data!.projections.map(({ name, checkpoint, head, lag, status }) => ({ name, checkpoint, head, lag, status }))).toEqual([
        { name: 'ledger', checkpoint: '2', head: '5', lag: 3, status: 'STOPPED' },
        { name: 'mailer', checkpoint: '2', head: '5', lag: 3, status: 'STOPPED' },
      ]);
    } finally {
      await t.app.runtimes.start();
      await t.settle();
    }
  });

  it('lists the events a handler gave up on, and retries one once the handler works', async () => {
    const letters = await t.graphql(DeadLetters, { handler: 'mailer' });
    expect(letters.errors).toBeUndefined();
    expect(letters.data!.deadLetters).toEqual([
      expect.objectContaining({
        handler: 'mailer',
        position: '1',
        eventType: 'Deposited',
        error: 'SMTP relay refused the message',
        attempts: 2,
        event: { streamId: 'account-1', data: { amount: 5 } },
      }),
      expect.objectContaining({ handler: 'mailer', position: '2', eventType: 'Deposited', attempts: 2 }),
    ]);
    const [first] = letters.data!.deadLetters;

    const stillFailing = await t.graphql(RetryDeadLetter, { id: first!.id });
    expect(stillFailing.data!.retryDeadLetter).toEqual({
      __typename: 'DeadLetterRetryFailedError',
      code: 'DEAD_LETTER_RETRY_FAILED',
      message: 'mailer failed again: SMTP relay refused the message',
    });

    mailerFixed = true;
    const retried = await t.graphql(RetryDeadLetter, { id: first!.id });
    expect(retried.data!.retryDeadLetter).toEqual({ __typename: 'DeadLetter', id: first!.id, eventType: 'Deposited' });

    const after = await t.graphql(DeadLetters, {});
    expect(after.data!.deadLetters.map((letter) => letter.position)).toEqual(['2']);

    const again = await t.graphql(RetryDeadLetter, { id: first!.id });
    expect(again.data!.retryDeadLetter).toMatchObject({ __typename: 'DeadLetterNotFoundError', code: 'DEAD_LETTER_NOT_FOUND' });
  });

  it('rebuilds a projection from the log', async () => {
    seen.push('stale-row');
    const result = await t.graphql(RebuildProjection, { name: 'ledger' });
    expect(result.data!.rebuildProjection).toEqual({ __typename: 'Projection', name: 'ledger', kind: 'PROJECTOR' });
    await t.settle();
    const deposits = await t.app.store.readAll({ types: ['Deposited'] });
    expect(seen).toEqual(deposits.map((event) => event.eventId));
  });

  it('refuses to rebuild what is not a projector', async () => {
    for (const name of ['mailer', 'nothing']) {
      const result = await t.graphql(RebuildProjection, { name });
      expect(result.data!.rebuildProjection).toEqual({
        __typename: 'UnknownProjectionError',
        code: 'UNKNOWN_PROJECTION',
        message: `No projector is named "${name}"`,
      });
    }
  });
});
