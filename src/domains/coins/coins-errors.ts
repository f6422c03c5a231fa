import { domainError } from '../../es/index.js';

export const NonceAlreadyUsed = domainError(
  'NONCE_ALREADY_USED',
  'The nonce must be greater than the last nonce this account mined',
  'The nonce is not greater than the last nonce this account mined.',
);
export const InvalidNonce = domainError(
  'INVALID_NONCE',
  'The nonce is not a proof of work for this account',
  'The nonce is not a proof of work for this account.',
);
export const NotEnoughCoins = domainError(
  'NOT_ENOUGH_COINS',
  'The account does not have this many coins',
  'The account does not have the coins to send.',
);
