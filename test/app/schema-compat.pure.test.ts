import { describe, expect, it } from 'vitest';
import { checkCompatibility, schemaChanges, unreleasedEntries } from '../../src/app/schema-compat.js';

const before = `
  type Query { account(id: String!): Account, transfer(id: ID!): TransferResult }
  type Account { id: String!, balance: Int!, holder: String! }
  type Transfer { id: ID! }
  type ValidationError { message: String! }
  type TransferExistsError { message: String! }
  union TransferResult = Transfer | ValidationError
  enum Status { OPEN CLOSED }
  type Mutation { close(id: String!, reason: String): Status }
`;

/** `balance` becomes nullable: a client relying on it being there breaks. */
const nullableBalance = before.replace('balance: Int!', 'balance: Int');

const changelog = (...bullets: string[]) => `# Changelog

Intro text naming \`Account.balance\` outside any section does not count.

## Unreleased

### Breaking

${bullets.join('\n')}

## 1.0.0

- \`Account.holder\`: an old entry. Migration: long done.
`;

describe('the schema contract check', () => {
  it('fails on a breaking change the changelog does not name', () => {
    const report = checkCompatibility({ before, after: nullableBalance, changelog: changelog() });
    expect(report.ok).toBe(false);
    expect(report.unlisted).toEqual([
      { type: 'FIELD_CHANGED_KIND', description: 'Account.balance changed type from Int! to Int.', coordinate: 'Account.balance' },
    ]);
  });

  it('passes a breaking change named in the Unreleased section with its migration', () => {
    const report = checkCompatibility({
      before,
      after: nullableBalance,
      changelog: changelog('- `Account.balance`: nullable now.', '  Migration: handle null; it comes with a FORBIDDEN error.'),
    });
    expect(report).toMatchObject({ ok: true, unlisted: [], withoutMigration: [] });
    expect(report.breaking.map((change) => change.coordinate)).toEqual(['Account.balance']);
  });

  it('fails a breaking change named without a migration, or only outside Unreleased', () => {
    const named = checkCompatibility({ before, after: nullableBalance, changelog: changelog('- `Account.balance`: nullable now.') });
    expect(named.ok).toBe(false);
    expect(named.withoutMigration.map((change) => change.coordinate)).toEqual(['Account.balance']);

    const released = checkCompatibility({ before, after: before.replace('holder: String!', 'holder: String'), changelog: changelog() });
    expect(released.unlisted.map((change) => change.coordinate)).toEqual(['Account.holder']);
  });

  it('needs every breaking change named: one entry may cover several', () => {
    const after = nullableBalance.replace('holder: String!', 'holder: String').replace('OPEN CLOSED', 'OPEN');
    const some = checkCompatibility({
      before,
      after,
      changelog: changelog('- `Account.balance`, `Account.holder`: nullable now. Migration: handle null.'),
    });
    expect(some.unlisted.map((change) => change.coordinate)).toEqual(['Status.CLOSED']);
    const all = checkCompatibility({
      before,
      after,
      changelog: changelog(
        '- `Account.balance`, `Account.holder`: nullable now. Migration: handle null.',
        '- `Status.CLOSED`: gone. Migration: stop sending it.',
      ),
    });
    expect(all.ok).toBe(true);
  });

  it('passes additive changes with no entry, reporting a new union member as one clients may notice', () => {
    const after = before
      .replace(
        'union TransferResult = Transfer | ValidationError',
        'union TransferResult = Transfer | TransferExistsError | ValidationError',
      )
      .replace('holder: String!', 'holder: String!, openedAt: String')
      .replace('type Mutation {', 'type Audit { at: String! }\n  type Mutation {');
    const report = checkCompatibility({ before, after, changelog: '' });
    expect(report).toMatchObject({ ok: true, breaking: [], unlisted: [] });
    expect(report.dangerous).toEqual([
      {
        type: 'TYPE_ADDED_TO_UNION',
        description: 'TransferExistsError was added to union type TransferResult.',
        coordinate: 'TransferResult',
      },
    ]);
  });

  it('names each kind of breaking change by its schema coordinate', () => {
    const after = `
      type Query { account(id: Int!): Account, transfer(id: ID!): TransferResult }
      type Account { id: String!, balance: Int! }
      type Transfer { id: ID! }
      union TransferResult = Transfer
      enum Status { OPEN CLOSED }
      type Mutation { close(id: String!, force: Boolean!): Status }
    `;
    expect(
      schemaChanges(before, after)
        .breaking.map((change) => change.coordinate)
        .sort(),
    ).toEqual([
      'Account.holder',
      'Mutation.close(force:)',
      'Mutation.close(reason:)',
      'Query.account(id:)',
      'TransferExistsError',
      'TransferResult',
      'ValidationError',
    ]);
  });

  it('reads bullets, with their continuation lines, from the Unreleased section only', () => {
    const entries = unreleasedEntries(
      changelog(
        '- `A.b` and `C`: changed.',
        '  Migration: do this',
        '  and that.',
        '* `D.e(f:)`: removed. Migration: drop it.',
        'Not a bullet `X.y`.',
      ),
    );
    expect(entries.map(({ coordinates, migration }) => ({ coordinates: [...coordinates], migration }))).toEqual([
      { coordinates: ['A.b', 'C'], migration: 'do this and that.' },
      { coordinates: ['D.e(f:)'], migration: 'drop it.' },
    ]);
    expect(unreleasedEntries('# Changelog\n\n## 1.0.0\n\n- `A.b`: old. Migration: none.\n')).toEqual([]);
  });
});
