import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chronicle } from '../../src/app/chronicle.js';
import { tables } from '../../src/db/database.js';
import { AggregateRepository } from '../../src/es/aggregate-repository.js';
import { CommandRouter } from '../../src/es/command-router.js';
import { ValidationError } from '../../src/es/domain-error.js';
import type { EventStoreTables } from '../../src/es/event-store-tables.js';
import type { Middleware } from '../../src/es/middleware.js';
import { NEEDS_CONCURRENCY, concurrent } from '../support/test-database.js';
import { startChronicle } from './fixtures/app.js';
import { CounterWouldGoNegative, registerCounter } from './fixtures/counter.js';
import {
  EmailTaken,
  HandleTaken,
  MemberAlreadyRegistered,
  MemberNotFound,
  NameRefused,
  type RegisterMember,
  memberModule,
} from './fixtures/member.js';

let app: Chronicle;

beforeAll(async () => {
  app = await startChronicle([memberModule]);
  await app.database.db.schema
    .createTable('test_member_tiers')
    .ifNotExists()
    .addColumn('email_domain', 'text', (c) => c.primaryKey())
    .addColumn('tier', 'text', (c) => c.notNull())
    .execute();
  await app.database.db.insertInto('test_member_tiers').values({ email_domain: 'vip.example', tier: 'gold' }).execute();
});
afterAll(() => app?.stop());

const newId = () => crypto.randomUUID();
const uniqueEmail = (domain = 'example.com') => `m-${newId().slice(0, 8)}@${domain}`;

function registration(overrides: Partial<RegisterMember> = {}): RegisterMember {
  return { type: 'RegisterMember', memberId: newId(), email: uniqueEmail(), name: 'Ada', age: 36, ...overrides };
}

async function claimOwner(scope: string, value: string): Promise<string | undefined> {
  const row = await app.database.db
    .selectFrom('unique_claims')
    .select('owner')
    .where('scope', '=', scope)
    .where('value', '=', value)
    .executeTakeFirst();
  return row?.owner;
}

describe('validation', () => {
  it('reports every failing field at once, with dotted paths, and lets nothing through', async () => {
    const command = registration({ email: 'not-an-email', name: '', age: 12, tags: ['ok', 'x'], address: { city: '' } });
    const head = await app.store.head();

    const error = await app.router.dispatch(command).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    const { fields, code } = error as ValidationError;
    expect(code).toBe('VALIDATION_FAILED');
    expect(fields.map((field) => field.path).sort()).toEqual(['address.city', 'age', 'email', 'name', 'tags.1']);
    for (const field of fields) expect(field.message).not.toBe('');

    expect(await app.store.head()).toBe(head);
    expect(await claimOwner('member-email', 'not-an-email')).toBeUndefined();
  });

  it('lets a valid command through', async () => {
    const command = registration({ tags: ['ok', 'fine'], address: { city: 'Lyon' } });
    await expect(app.router.dispatch(command)).resolves.toMatchObject({ version: 1 });
  });
});

describe('enrichment', () => {
  it('adds looked-up data to the command before the aggregate decides', async () => {
    const gold = await app.router.dispatch(registration({ email: uniqueEmail('vip.example') }));
    const plain = await app.router.dispatch(registration());
    expect(gold.events[0]!.data).toMatchObject({ tier: 'gold' });
    expect(plain.events[0]!.data).toMatchObject({ tier: 'standard' });
    const [stored] = await app.store.readStream(gold.streamId);
    expect(stored!.data).toMatchObject({ tier: 'gold' });
  });
});

describe('uniqueness', () => {
  it('answers the registered domain error to a second aggregate claiming a taken key', async () => {
    const email = uniqueEmail();
    const first = registration({ email });
    await app.router.dispatch(first);
    const second = registration({ email: email.toUpperCase() });

    const attempt = app.router.dispatch(second);
    await expect(attempt).rejects.toBeInstanceOf(EmailTaken);
    await expect(attempt).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
    expect(await app.store.streamVersion(`member-${second.memberId}`)).toBe(0);
    expect(await claimOwner('member-email', email)).toBe(`member-${first.memberId}`);
  });

  it('releases the claims of a command the aggregate refuses, so another can take the key', async () => {
    const email = uniqueEmail();
    await expect(app.router.dispatch(registration({ email, name: 'refuse-me' }))).rejects.toBeInstanceOf(NameRefused);
    expect(await claimOwner('member-email', email)).toBeUndefined();

    const next = registration({ email });
    await expect(app.router.dispatch(next)).resolves.toMatchObject({ version: 1 });
    expect(await claimOwner('member-email', email)).toBe(`member-${next.memberId}`);
  });

  it('releases the keys it took when a later key of the same command is taken', async () => {
    const handle = `h-${newId()}`;
    await app.router.dispatch(registration({ handle }));
    const email = uniqueEmail();
    await expect(app.router.dispatch(registration({ email, handle }))).rejects.toBeInstanceOf(HandleTaken);
    expect(await claimOwner('member-email', email)).toBeUndefined();
  });

  it('releases a claim taken by a command the aggregate refuses for another reason', async () => {
    const email = uniqueEmail();
    await expect(app.router.dispatch({ type: 'ChangeEmail', memberId: newId(), email })).rejects.toBeInstanceOf(MemberNotFound);
    expect(await claimOwner('member-email', email)).toBeUndefined();
  });

  it('passes a retry by the aggregate holding the key, and keeps the key when that retry is refused', async () => {
    const email = uniqueEmail();
    const command = registration({ email });
    const commandId = newId();
    const first = await app.router.dispatch(command, { commandId });
    await expect(app.router.dispatch(command, { commandId })).resolves.toEqual({ ...first, replayed: true });

    // Sent again as a new command, the aggregate refuses it: the key it already held stays its own.
    await expect(app.router.dispatch(command)).rejects.toBeInstanceOf(MemberAlreadyRegistered);
    expect(await claimOwner('member-email', email)).toBe(`member-${command.memberId}`);
    await expect(app.router.dispatch(registration({ email }))).rejects.toBeInstanceOf(EmailTaken);

    // The holder changing to the same email passes uniqueness too.
    await expect(app.router.dispatch({ type: 'ChangeEmail', memberId: command.memberId, email })).resolves.toMatchObject({ version: 2 });
  });

  it.skipIf(!concurrent)(`lets exactly one of two racing aggregates claim a key ${NEEDS_CONCURRENCY}`, async () => {
    for (let round = 0; round < 10; round++) {
      const email = uniqueEmail();
      const contenders = [registration({ email }), registration({ email })];
      const outcomes = await Promise.allSettled(contenders.map((command) => app.router.dispatch(command)));
      const winners = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [contenders[index]!] : []));
      expect(winners).toHaveLength(1);
      const loser = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
      expect(loser.reason).toBeInstanceOf(EmailTaken);
      expect(await claimOwner('member-email', email)).toBe(`member-${winners[0]!.memberId}`);
      const versions = await Promise.all(contenders.map((command) => app.store.streamVersion(`member-${command.memberId}`)));
      expect(versions.sort()).toEqual([0, 1]);
    }
  });
});

describe('middleware order', () => {
  function recording(calls: string[]) {
    const middleware = (name: string, refuse = false): Middleware => ({
      name,
      before: () => {
        calls.push(`before ${name}`);
        if (refuse) throw new Error(`${name} refuses`);
      },
      afterSuccess: (_context, result) => {
        calls.push(`afterSuccess ${name} v${result.version}`);
      },
      afterFailure: (_context, error) => {
        calls.push(`afterFailure ${name} ${(error as Error).message}`);
      },
    });
    return middleware;
  }

  function router(middleware: Middleware[]) {
    const repository = new AggregateRepository(app.store);
    const commands = new CommandRouter({ store: app.store, db: tables<EventStoreTables>(app.database), repository, middleware });
    registerCounter(commands);
    return commands;
  }

  it('runs before hooks in order, then afterSuccess in reverse', async () => {
    const calls: string[] = [];
    const m = recording(calls);
    await router([m('a'), m('b'), m('c')]).dispatch({ type: 'Increment', counterId: newId(), by: 1 });
    expect(calls).toEqual(['before a', 'before b', 'before c', 'afterSuccess c v1', 'afterSuccess b v1', 'afterSuccess a v1']);
  });

  it('runs afterFailure in reverse with the error when the aggregate refuses', async () => {
    const calls: string[] = [];
    const m = recording(calls);
    const attempt = router([m('a'), m('b'), m('c')]).dispatch({ type: 'Decrement', counterId: newId(), by: 1 });
    await expect(attempt).rejects.toBeInstanceOf(CounterWouldGoNegative);
    const message = new CounterWouldGoNegative().message;
    expect(calls).toEqual([
      'before a',
      'before b',
      'before c',
      `afterFailure c ${message}`,
      `afterFailure b ${message}`,
      `afterFailure a ${message}`,
    ]);
  });

  it('stops at a refusing before hook: later middleware never runs, entered ones (the refusing one too) see the failure', async () => {
    const calls: string[] = [];
    const m = recording(calls);
    const counterId = newId();
    await expect(router([m('a'), m('b', true), m('c')]).dispatch({ type: 'Increment', counterId, by: 1 })).rejects.toThrow('b refuses');
    expect(calls).toEqual(['before a', 'before b', 'afterFailure b b refuses', 'afterFailure a b refuses']);
    expect(await app.store.streamVersion(`counter-${counterId}`)).toBe(0);
  });

  it('gives later middleware the command as enrichment left it', async () => {
    const seen: unknown[] = [];
    const enrich: Middleware = {
      name: 'enrich',
      before(context) {
        context.command = { ...context.command, by: 42 } as typeof context.command;
      },
    };
    const spy: Middleware = { name: 'spy', before: (context) => void seen.push(context.command) };
    const result = await router([enrich, spy]).dispatch({ type: 'Increment', counterId: newId(), by: 1 });
    expect(seen).toEqual([expect.objectContaining({ by: 42 })]);
    expect(result.events).toEqual([{ type: 'Incremented', data: { by: 42, value: 42 } }]);
  });
});
