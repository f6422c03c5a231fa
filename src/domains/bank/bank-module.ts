import type { DomainModule } from '../../app/domain-module.js';
import { accountAggregate } from './account-aggregate.js';
import { accountsProjector } from './accounts-projector.js';
import { accountNumberOnlySchema, amountCommandSchema, openAccountSchema, requestTransferSchema } from './bank-command-schemas.js';
import { transferAggregate } from './transfer-aggregate.js';
import { transferProcess } from './transfer-process.js';
import { transfersProjector } from './transfers-projector.js';

export const bankModule: DomainModule = {
  name: 'bank',
  register({ router, runtimes }) {
    router.register(accountAggregate, {
      OpenAccount: { identity: 'accountNumber', schema: openAccountSchema },
      Deposit: { identity: 'accountNumber', schema: amountCommandSchema },
      Withdraw: { identity: 'accountNumber', schema: amountCommandSchema },
      ApplyFee: { identity: 'accountNumber', schema: amountCommandSchema },
      CloseAccount: { identity: 'accountNumber', schema: accountNumberOnlySchema },
      DebitForTransfer: { identity: 'accountNumber' },
      CreditForTransfer: { identity: 'accountNumber' },
      RefundTransfer: { identity: 'accountNumber' },
    });
    router.register(transferAggregate, {
      RequestTransfer: { identity: 'transferId', schema: requestTransferSchema },
      CompleteTransfer: { identity: 'transferId' },
      FailTransfer: { identity: 'transferId' },
    });
    runtimes.addProjector(accountsProjector).addProjector(transfersProjector).addProcessManager(transferProcess);
  },
};
