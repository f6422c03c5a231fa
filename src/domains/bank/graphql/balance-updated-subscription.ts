import { type RecordedEvent, streamIdOf } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { parsePositionCursor, positionCursor } from '../../../graphql/position-cursor.js';
import { accountAggregate } from '../account-aggregate.js';
import { type BalanceChangeReason, type BalanceEventType, balanceChanges, balanceEventTypes } from '../account-events.js';
import { BalanceChangeReasonEnum } from './account-transaction-type.js';
import { accountOwner } from './account-type.js';

interface BalanceUpdate {
  accountNumber: string;
  balance: number;
  delta: number;
  reason: BalanceChangeReason;
  position: string;
  occurredAt: Date;
  transferId: string | null;
}

const BalanceUpdateType = builder.objectRef<BalanceUpdate>('BalanceUpdate').implement({
  fields: (t) => ({
    accountNumber: t.exposeString('accountNumber'),
    balance: t.field({ type: 'SafeInt', resolve: (update) => update.balance }),
    delta: t.field({ type: 'SafeInt', resolve: (update) => update.delta }),
    reason: t.field({ type: BalanceChangeReasonEnum, resolve: (update) => update.reason }),
    position: t.exposeString('position', { description: 'Pass as `after` to resume from here.' }),
    occurredAt: t.field({ type: 'DateTime', resolve: (update) => update.occurredAt }),
    transferId: t.exposeID('transferId', { nullable: true }),
  }),
});

type MovementEvent = RecordedEvent<BalanceEventType, { accountNumber: string; amount: number; balanceAfter: number; transferId?: string }>;

function toBalanceUpdate(event: MovementEvent): BalanceUpdate {
  const change = balanceChanges[event.type];
  return {
    accountNumber: event.data.accountNumber,
    balance: event.data.balanceAfter,
    delta: change.sign * event.data.amount,
    reason: change.reason,
    position: positionCursor(event.position),
    occurredAt: event.occurredAt,
    transferId: event.data.transferId ?? null,
  };
}

builder.subscriptionField('balanceUpdated', (t) =>
  t.field({
    access: accountOwner,
    type: BalanceUpdateType,
    description:
      'Every change of the account balance as it commits. With `after` (a position), first replays every change ' +
      'since then from the store, then goes live, with no gap and no duplicate.',
    args: {
      accountNumber: t.arg.string({ required: true }),
      after: t.arg.string({ required: false }),
    },
    subscribe: (_root, { accountNumber, after }, ctx) =>
      ctx.app.feed.follow({
        ...(after == null ? {} : { after: parsePositionCursor(after) }),
        streamId: streamIdOf(accountAggregate, accountNumber),
        types: balanceEventTypes,
      }) as AsyncIterable<MovementEvent>,
    resolve: (event) => toBalanceUpdate(event),
  }),
);
