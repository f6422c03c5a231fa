import { defineAggregate } from '../../es/index.js';
import { type TransferCommand, transferCommands } from './transfer-commands.js';
import { TransferExists, TransferNotFound, TransferNotPending } from './transfer-errors.js';
import type { TransferEvent } from './transfer-events.js';

export type TransferStatus = 'NONE' | 'PENDING' | 'COMPLETED' | 'FAILED';

/** The record of one transfer's outcome; the money moves on the accounts, driven by the transfer process. */
export const transferAggregate = defineAggregate<{ status: TransferStatus }, TransferCommand, TransferEvent>({
  name: 'transfer',
  commands: transferCommands,
  ownership: { claimedBy: ['TransferRequested'] },
  initialState: { status: 'NONE' },

  execute(state, command) {
    if (command.type === 'RequestTransfer') {
      if (state.status !== 'NONE') return new TransferExists();
      const { transferId, from, to, amount } = command;
      return { type: 'TransferRequested', data: { transferId, fromAccountNumber: from, toAccountNumber: to, amount } };
    }
    if (state.status === 'NONE') return new TransferNotFound();
    if (state.status !== 'PENDING') return new TransferNotPending();
    return command.type === 'CompleteTransfer'
      ? { type: 'TransferCompleted', data: { transferId: command.transferId } }
      : { type: 'TransferFailed', data: { transferId: command.transferId, reason: command.reason } };
  },

  apply(_state, event) {
    switch (event.type) {
      case 'TransferRequested':
        return { status: 'PENDING' };
      case 'TransferCompleted':
        return { status: 'COMPLETED' };
      case 'TransferFailed':
        return { status: 'FAILED' };
    }
  },
});
