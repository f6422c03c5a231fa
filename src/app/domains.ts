import type { DomainModule } from './domain-module.js';

/** Every domain slice this server runs. */
export const domains: readonly DomainModule[] = [];
