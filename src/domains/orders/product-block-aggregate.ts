import { defineAggregate } from '../../es/index.js';
import { type ProductBlockCommand, productBlockCommands } from './product-block-commands.js';
import type { ProductBlockEvent } from './product-block-events.js';

/**
 * Whether one product may be ordered. Blocking a blocked product (or unblocking a free one)
 * changes nothing and records nothing, so an admin may repeat either safely.
 */
export const productBlockAggregate = defineAggregate<{ blocked: boolean }, ProductBlockCommand, ProductBlockEvent>({
  name: 'product-block',
  commands: productBlockCommands,
  initialState: { blocked: false },

  execute(state, { type, productId }) {
    if (type === 'BlockProduct') return state.blocked ? [] : { type: 'ProductBlocked', data: { productId } };
    return state.blocked ? { type: 'ProductUnblocked', data: { productId } } : [];
  },

  apply: (_state, event) => ({ blocked: event.type === 'ProductBlocked' }),
});
