import type { DomainModule } from '../../app/domain-module.js';
import { admin } from '../../auth/admin-role.js';
import { authenticated, owner, ownerOf, systemOnly } from '../../es/index.js';
import { accountAggregate } from './account-aggregate.js';
import { accountPersonalData } from './account-events.js';
import { accountsProjector } from './accounts-projector.js';
import { bankEventUpcasters } from './bank-event-upcasters.js';
import { transferAggregate } from './transfer-aggregate.js';
import { transferProcess } from './transfer-process.js';
import { transfersProjector } from './transfers-projector.js';
import { bankMigrations } from './migrations/index.js';
// The slice's GraphQL types and fields, registered on the shared builder when the slice is listed.
import './graphql/index.js';

/** A transfer is requested by the owner of the account it takes money from. */
const transferFromOwnAccount = ownerOf(accountAggregate, (command: { from: string }) => command.from);

export const bankModule: DomainModule = {
  name: 'bank',
  migrations: bankMigrations,
  upcasters: bankEventUpcasters,
  personalData: accountPersonalData,
  register({ router, runtimes }) {
    router.register(accountAggregate, {
      // An account belongs to whoever opened it; anyone signed in may pay into it.
      OpenAccount: { identity: 'accountNumber', access: owner },
      Deposit: { identity: 'accountNumber', access: authenticated },
      Withdraw: { identity: 'accountNumber', access: owner },
      ApplyFee: { identity: 'accountNumber', access: admin },
      CloseAccount: { identity: 'accountNumber', access: owner },
      DebitForTransfer: { identity: 'accountNumber', access: systemOnly },
      CreditForTransfer: { identity: 'accountNumber', access: systemOnly },
      RefundTransfer: { identity: 'accountNumber', access: systemOnly },
    });
    router.register(transferAggregate, {
      RequestTransfer: { identity: 'transferId', access: transferFromOwnAccount },
      CompleteTransfer: { identity: 'transferId', access: systemOnly },
      FailTransfer: { identity: 'transferId', access: systemOnly },
    });
    runtimes.addProjector(accountsProjector).addProjector(transfersProjector).addProcessManager(transferProcess);
  },
};
