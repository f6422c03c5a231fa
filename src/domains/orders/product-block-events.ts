import type { DomainEvent } from '../../es/aggregate.js';

export type ProductBlockEvent = DomainEvent<'ProductBlocked', { productId: string }> | DomainEvent<'ProductUnblocked', { productId: string }>;
