import { arenaModule } from '../domains/arena/arena-module.js';
import { bankModule } from '../domains/bank/bank-module.js';
import { calculatorModule } from '../domains/calculator/calculator-module.js';
import { challengesModule } from '../domains/challenges/challenges-module.js';
import { coinsModule } from '../domains/coins/coins-module.js';
import { ordersModule } from '../domains/orders/orders-module.js';
import type { DomainModule } from './domain-module.js';
import { schedulingModule } from './scheduling-module.js';

/** Every domain slice this server runs. */
export const domains: readonly DomainModule[] = [
  bankModule,
  calculatorModule,
  ordersModule,
  coinsModule,
  arenaModule,
  challengesModule,
  schedulingModule,
];
