import { type RecordedEvent, streamIdOf } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { type FieldInput, ownerOfField } from '../../../graphql/field-access.js';
import { parsePositionCursor, positionCursor } from '../../../graphql/position-cursor.js';
import { coinAccountAggregate } from '../coin-account-aggregate.js';
import {
  type CoinAccountEvent,
  type CoinBalanceChangeReason,
  coinAccountEventTypes,
  coinBalanceChanges,
  coinsMoved,
} from '../coin-account-events.js';

interface CoinBalanceChange {
  accountId: string;
  balance: number;
  delta: number;
  reason: CoinBalanceChangeReason;
  transferId: string | null;
  version: number;
  position: string;
  occurredAt: Date;
}

const CoinBalanceChangeReasonEnum = builder.enumType('CoinBalanceChangeReason', {
  description: 'Why a coin balance changed.',
  values: Object.values(coinBalanceChanges).map((change) => change.reason),
});

const CoinBalanceChangeType = builder.objectRef<CoinBalanceChange>('CoinBalanceChange').implement({
  fields: (t) => ({
    accountId: t.exposeString('accountId'),
    balance: t.field({ type: 'SafeInt', description: 'The balance after this change.', resolve: (change) => change.balance }),
    delta: t.field({ type: 'SafeInt', description: 'Signed: negative for coins sent.', resolve: (change) => change.delta }),
    reason: t.field({ type: CoinBalanceChangeReasonEnum, resolve: (change) => change.reason }),
    transferId: t.exposeID('transferId', { nullable: true }),
    version: t.exposeInt('version', { description: 'The version of the account stream.' }),
    position: t.exposeString('position', { description: 'Pass as `after` to resume from here.' }),
    occurredAt: t.field({ type: 'DateTime', resolve: (change) => change.occurredAt }),
  }),
});

type CoinAccountRecordedEvent = RecordedEvent & CoinAccountEvent;

/** Only the first miner of the coin account the field's `accountId` argument names. */
const coinAccountOwner = ownerOfField(coinAccountAggregate, ({ args }: FieldInput<{ accountId: string }>) => args.accountId);

function toBalanceChange(event: CoinAccountRecordedEvent): CoinBalanceChange {
  return {
    accountId: event.data.accountId,
    balance: event.data.balance,
    delta: coinBalanceChanges[event.type].sign * coinsMoved(event),
    reason: coinBalanceChanges[event.type].reason,
    transferId: event.type === 'CoinMined' ? null : event.data.transferId,
    version: event.version,
    position: positionCursor(event.position),
    occurredAt: event.occurredAt,
  };
}

builder.subscriptionField('coinBalanceChanged', (t) =>
  t.field({
    access: coinAccountOwner,
    type: CoinBalanceChangeType,
    description:
      'Every change of the account’s coin balance as it commits. With `after` (a position), first replays every change ' +
      'since then, then goes live, with no gap and no duplicate.',
    args: {
      accountId: t.arg.string({ required: true }),
      after: t.arg.string({ required: false }),
    },
    subscribe: (_root, { accountId, after }, ctx) =>
      ctx.app.feed.follow({
        ...(after == null ? {} : { after: parsePositionCursor(after) }),
        streamId: streamIdOf(coinAccountAggregate, accountId),
        types: coinAccountEventTypes,
      }) as AsyncIterable<CoinAccountRecordedEvent>,
    resolve: (event) => toBalanceChange(event),
  }),
);
