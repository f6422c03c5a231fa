import type { DomainEvent } from '../../es/index.js';

export type ProductBlockEvent =
  | DomainEvent<'ProductBlocked', { productId: string }>
  | DomainEvent<'ProductUnblocked', { productId: string }>;
