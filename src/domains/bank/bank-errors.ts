import { domainError } from '../../es/index.js';

export const AccountExists = domainError(
  'ACCOUNT_EXISTS',
  'An account with this number already exists',
  'An account with this number already exists.',
);
export const AccountNotFound = domainError('ACCOUNT_NOT_FOUND', 'No account has this number', 'No account has this number.');
export const AccountClosed = domainError('ACCOUNT_CLOSED', 'The account is closed', 'The account is closed.');
export const InsufficientFunds = domainError(
  'INSUFFICIENT_FUNDS',
  'The balance does not cover this amount',
  'The balance does not cover the amount.',
);
export const BalanceNotZero = domainError(
  'BALANCE_NOT_ZERO',
  'Only an account with a zero balance can be closed',
  'Only an account with a zero balance can be closed.',
);
export const BalanceLimitExceeded = domainError(
  'BALANCE_LIMIT_EXCEEDED',
  'The balance would leave the range of safe integers',
  'The balance would leave the range of safe integers.',
);
