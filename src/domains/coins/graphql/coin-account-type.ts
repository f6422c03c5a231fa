import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { anyOf, streamIdOf } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { parsePositionCursor } from '../../../graphql/position-cursor.js';
import { EventType } from '../../../graphql/types/event-browser.js';
import { coinAccountAggregate } from '../coin-account-aggregate.js';
import type { CoinAccountsTable } from '../coins-tables.js';
import { admin } from '../../../auth/admin-role.js';
import { type FieldInput, ownerOfField } from '../../../graphql/field-access.js';

export const CoinAccountType = builder.objectRef<CoinAccountsTable>('CoinAccount').implement({
  description: 'A coin account as its projection shows it. An account exists from its first mined or received coin.',
  fields: (t) => ({
    accountId: t.exposeString('account_id'),
    balance: t.field({ type: 'SafeInt', description: 'Coins it holds now.', resolve: (row) => row.balance }),
    mined: t.field({ type: 'SafeInt', description: 'Coins it mined.', resolve: (row) => row.mined }),
    sent: t.field({ type: 'SafeInt', description: 'Coins it sent, in total.', resolve: (row) => row.sent }),
    received: t.field({ type: 'SafeInt', description: 'Coins it received, in total.', resolve: (row) => row.received }),
    lastNonce: t.field({
      type: 'SafeInt',
      nullable: true,
      description: 'The last nonce it mined with; the next must be greater. Null before its first coin.',
      resolve: (row) => row.last_nonce,
    }),
    version: t.int({ description: 'The version of the account stream this view reflects.', resolve: (row) => row.version }),
    events: t.connection({
      // Balances are public (see `richest`); the account's history is its owner's (and the operators').
      // Nullable, so that mining into someone else's account never answers `data: null` for this field.
      nullable: true,
      access: anyOf(
        ownerOfField(coinAccountAggregate, ({ parent }: FieldInput<unknown, CoinAccountsTable>) => parent.account_id),
        admin,
      ),
      type: EventType,
      description:
        'The account’s own history (CoinMined, CoinsSent, CoinsReceived), oldest first; the cursor is the stream version. Null, with a FORBIDDEN error, for anyone but its owner or an admin.',
      resolve: (row, args, { app }) =>
        resolveCursorConnection(
          { args, toCursor: (event) => String(event.version) },
          async ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) => {
            const streamId = streamIdOf(coinAccountAggregate, row.account_id);
            const afterVersion = after === undefined ? 0 : parsePositionCursor(after, 'after');
            const beforeVersion = before === undefined ? undefined : parsePositionCursor(before, 'before');
            const events = inverted
              ? await app.store.readStream(streamId, {
                  direction: 'backward',
                  limit,
                  ...(beforeVersion === undefined ? {} : { fromVersion: beforeVersion - 1 }),
                })
              : await app.store.readStream(streamId, { fromVersion: afterVersion + 1, limit });
            return events.filter((event) => event.version > afterVersion && (beforeVersion === undefined || event.version < beforeVersion));
          },
        ),
    }),
  }),
});
