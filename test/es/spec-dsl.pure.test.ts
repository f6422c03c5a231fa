import { AssertionError } from 'node:assert';
import { describe, expect, it } from 'vitest';
import { DomainError, domainError } from '../../src/es/domain-error.js';
import { defineEventHandler } from '../../src/es/runtime/event-handler.js';
import { aggregateSpec } from '../../src/es/testing/aggregate-spec.js';
import { eventHandlerSpec } from '../../src/es/testing/event-handler-spec.js';
import { processManagerSpec } from '../../src/es/testing/process-manager-spec.js';
import { CounterWouldGoNegative, counter } from './fixtures/counter.js';
import { InsufficientFunds, transfers } from './fixtures/transfers.js';

const spec = aggregateSpec(counter);
const incremented = (by: number, value: number) => ({ type: 'Incremented' as const, data: { by, value } });

describe('aggregateSpec', () => {
  it('then passes when the command decides exactly the expected events', () => {
    spec.given(incremented(2, 2)).when({ type: 'Increment', counterId: 'c', by: 3 }).then(incremented(3, 5));
    spec.given().when({ type: 'IncrementMany', counterId: 'c', times: 2 }).then(incremented(1, 1), incremented(1, 2));
    spec.given().when({ type: 'Touch', counterId: 'c' }).then();
  });

  it('then fails on other events, missing or extra events, and on a refusal', () => {
    const when = spec.given(incremented(2, 2)).when({ type: 'Increment', counterId: 'c', by: 3 });
    expect(() => when.then(incremented(3, 6))).toThrow(AssertionError);
    expect(() => when.then()).toThrow(AssertionError);
    expect(() => when.then(incremented(3, 5), incremented(3, 5))).toThrow(AssertionError);
    expect(() => spec.given().when({ type: 'Decrement', counterId: 'c', by: 1 }).then(incremented(1, 1))).toThrow(
      /expected events, got COUNTER_WOULD_GO_NEGATIVE/,
    );
  });

  it('thenError passes on the expected code and returns the error', () => {
    const error = spec.given(incremented(1, 1)).when({ type: 'Decrement', counterId: 'c', by: 2 }).thenError('COUNTER_WOULD_GO_NEGATIVE');
    expect(error).toBeInstanceOf(CounterWouldGoNegative);
  });

  it('thenError fails on another code and when events were decided', () => {
    const refused = spec.given().when({ type: 'Decrement', counterId: 'c', by: 1 });
    expect(() => refused.thenError('COUNTER_ALREADY_OPEN')).toThrow(AssertionError);
    expect(() => spec.given().when({ type: 'Increment', counterId: 'c', by: 1 }).thenError('COUNTER_WOULD_GO_NEGATIVE')).toThrow(
      /expected COUNTER_WOULD_GO_NEGATIVE, got events/,
    );
  });

  it('replays the history through apply: thenState, and decisions that depend on it', () => {
    spec.given(incremented(2, 2), { type: 'Decremented', data: { by: 1, value: 1 } }).thenState({ opened: false, value: 1 });
    expect(() => spec.given(incremented(2, 2)).thenState({ opened: false, value: 3 })).toThrow(AssertionError);
    spec
      .given({ type: 'CounterOpened', data: { opened: true } })
      .when({ type: 'OpenCounter', counterId: 'c' })
      .thenError('COUNTER_ALREADY_OPEN');
  });
});

describe('processManagerSpec', () => {
  const pm = processManagerSpec(transfers);
  const requested = { type: 'TransferRequested' as const, data: { transferId: 't', from: 'a', to: 'b', amount: 5 } };
  const approved = { type: 'TransferApproved' as const, data: { transferId: 't' } };
  const withdraw = { type: 'Withdraw', walletId: 'a', amount: 5, transferId: 't' };

  it('then passes on the expected commands and fails on others', () => {
    pm.given(requested).when(approved).then(withdraw);
    pm.given().when(requested).then();
    expect(() =>
      pm
        .given(requested)
        .when(approved)
        .then({ ...withdraw, amount: 6 }),
    ).toThrow(AssertionError);
    expect(() => pm.given(requested).when(approved).then()).toThrow(AssertionError);
  });

  it('routes checks interestedIn', () => {
    pm.given().when(requested).routes({ start: 't' });
    pm.given()
      .when({ type: 'Withdrawn', data: { amount: 1, transferId: null } })
      .routes(undefined);
    expect(() => pm.given().when(approved).routes({ start: 't' })).toThrow(AssertionError);
  });

  it('failing(...).then checks the compensations of onError', () => {
    pm.given(requested, approved)
      .failing(new InsufficientFunds(), withdraw)
      .then({ type: 'FailTransfer', transferId: 't', reason: 'INSUFFICIENT_FUNDS' });
    expect(() => pm.given(requested, approved).failing(new InsufficientFunds(), withdraw).then()).toThrow(AssertionError);
  });

  it('thenState checks the state after the history', () => {
    pm.given(requested, approved).thenState({ transferId: 't', from: 'a', to: 'b', amount: 5, step: 'withdrawing' });
    expect(() => pm.given(requested).thenState({ step: 'new' })).toThrow(AssertionError);
  });
});

describe('eventHandlerSpec', () => {
  const Refused = domainError('ALREADY_DONE', 'Already done');
  const notifier = defineEventHandler<{ type: 'Happened'; data: { target: string } }>({
    name: 'notifier',
    handlers: {
      async Happened(event, context) {
        await context.link('happenings');
        try {
          await context.dispatch({ type: 'Notify', target: event.data.target, cause: event.eventId });
        } catch (error) {
          if (!(error instanceof DomainError) || error.code !== Refused.code) throw error;
        }
      },
    },
  });
  const happened = { type: 'Happened' as const, data: { target: 'x' }, eventId: '11111111-1111-4111-8111-111111111111' };

  it('then checks the commands dispatched, with the recorded fields the handler reads', async () => {
    const spec = eventHandlerSpec(notifier);
    await spec.when(happened).then({ type: 'Notify', target: 'x', cause: happened.eventId });
    await expect(spec.when(happened).then({ type: 'Notify', target: 'y', cause: happened.eventId })).rejects.toThrow(AssertionError);
    await expect(spec.when(happened).then()).rejects.toThrow(AssertionError);
  });

  it('thenLinked checks the streams the event was linked into', async () => {
    await eventHandlerSpec(notifier).when(happened).thenLinked('happenings');
    await expect(eventHandlerSpec(notifier).when(happened).thenLinked()).rejects.toThrow(AssertionError);
  });

  it('refuse makes the router answer a command type with a domain error', async () => {
    const spec = eventHandlerSpec(notifier);
    await spec.when(happened, { refuse: { Notify: new Refused() } }).then({ type: 'Notify', target: 'x', cause: happened.eventId });
    const error = await spec.when(happened, { refuse: { Notify: new DomainError('OTHER', 'other') } }).thenThrows();
    expect(error).toMatchObject({ code: 'OTHER' });
    await expect(spec.when(happened).thenThrows()).rejects.toThrow(/expected the handler to throw/);
  });

  it('gives the handler no database', async () => {
    const reader = defineEventHandler<{ type: 'Happened'; data: object }>({
      name: 'reader',
      handlers: { Happened: async (_event, context) => void context.db },
    });
    expect(String(await eventHandlerSpec(reader).when({ type: 'Happened', data: {} }).thenThrows())).toMatch(/no database/);
  });
});
