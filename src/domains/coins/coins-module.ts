import type { DomainModule } from '../../app/domain-module.js';
import { authenticated, type CommandRegistration, owner, systemOnly } from '../../es/index.js';
import type { CoinAccountCommand } from './coin-account-commands.js';
import { coinAccountAggregate } from './coin-account-aggregate.js';
import { coinAccountsProjector } from './coin-accounts-projector.js';
import { coinTransferProcess } from './coin-transfer-process.js';
import { coinTransfersProjector } from './coin-transfers-projector.js';
import { coinsMigrations } from './migrations/index.js';
// The slice's GraphQL types and fields, registered on the shared builder when the slice is listed.
import './graphql/index.js';

/** How each coin account command is routed and who may send it (exported for tests that run the slice without its process). */
export const coinAccountRegistrations: {
  [T in CoinAccountCommand['type']]: CommandRegistration<Extract<CoinAccountCommand, { type: T }>>;
} = {
  // A coin account belongs to whoever first mines into it; anyone may mine into any account.
  MineCoin: { identity: 'accountId', access: authenticated },
  SendCoins: { identity: 'from', access: owner },
  ReceiveCoins: { identity: 'accountId', access: systemOnly },
};

/** Coins: proof-of-work mining, transfers through a process manager, and the accounts' read model. */
export const coinsModule: DomainModule = {
  name: 'coins',
  migrations: coinsMigrations,
  register({ router, runtimes }) {
    router.register(coinAccountAggregate, coinAccountRegistrations);
    runtimes.addProjector(coinAccountsProjector).addProjector(coinTransfersProjector).addProcessManager(coinTransferProcess);
  },
};
