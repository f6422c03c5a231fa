export type ProductBlockCommand = { type: 'BlockProduct'; productId: string } | { type: 'UnblockProduct'; productId: string };
