import { type Command, defineProcessManager } from '../../es/index.js';
import type { AccountCommand } from './account-commands.js';
import type { AccountEvent } from './account-events.js';
import type { TransferCommand } from './transfer-commands.js';
import type { TransferEvent } from './transfer-events.js';

type TransferProcessEvent = TransferEvent | Extract<AccountEvent, { type: 'TransferDebited' | 'TransferCredited' | 'TransferRefunded' }>;
type TransferProcessCommand = AccountCommand | TransferCommand;

const steps = new Set<string>([
  'TransferRequested',
  'TransferDebited',
  'TransferCredited',
  'TransferRefunded',
  'TransferCompleted',
  'TransferFailed',
]);

/**
 * Moves money between two accounts: debit the source, credit the destination, complete.
 * A refused debit fails the transfer; a refused credit refunds the source, then fails the
 * transfer with the credit's reason. Every step's event carries what the next step needs, so
 * the process keeps no state of its own.
 */
export const transferProcess = defineProcessManager<null, TransferProcessEvent>({
  name: 'bank-transfer-process',
  initialState: null,

  interestedIn(event) {
    if (!steps.has(event.type)) return undefined;
    const transferId = event.data.transferId;
    if (event.type === 'TransferRequested') return { start: transferId };
    if (event.type === 'TransferCompleted' || event.type === 'TransferFailed') return { stop: transferId };
    return { continue: transferId };
  },

  handle(_state, event): TransferProcessCommand[] {
    switch (event.type) {
      case 'TransferRequested': {
        const { transferId, fromAccountNumber, toAccountNumber, amount } = event.data;
        return [{ type: 'DebitForTransfer', accountNumber: fromAccountNumber, amount, transferId, to: toAccountNumber }];
      }
      case 'TransferDebited': {
        const { transferId, amount, accountNumber, toAccountNumber } = event.data;
        return [{ type: 'CreditForTransfer', accountNumber: toAccountNumber, amount, transferId, from: accountNumber }];
      }
      case 'TransferCredited':
        return [{ type: 'CompleteTransfer', transferId: event.data.transferId }];
      case 'TransferRefunded':
        return [{ type: 'FailTransfer', transferId: event.data.transferId, reason: event.data.reason }];
      default:
        return [];
    }
  },

  apply: () => null,

  onError(error, command: Command) {
    const refused = command as TransferProcessCommand;
    if (refused.type === 'DebitForTransfer') {
      return [{ type: 'FailTransfer', transferId: refused.transferId, reason: error.code }];
    }
    if (refused.type === 'CreditForTransfer') {
      return [
        { type: 'RefundTransfer', accountNumber: refused.from, amount: refused.amount, transferId: refused.transferId, reason: error.code },
      ];
    }
    return [];
  },
});
