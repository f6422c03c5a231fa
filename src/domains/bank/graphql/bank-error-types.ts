import { errorType } from '../../../graphql/types/errors.js';
import { AccountClosed, AccountExists, AccountNotFound, BalanceLimitExceeded, BalanceNotZero, InsufficientFunds } from '../bank-errors.js';

errorType(AccountExists, 'AccountExistsError', 'An account with this number already exists.');
errorType(AccountNotFound, 'AccountNotFoundError', 'No account has this number.');
errorType(AccountClosed, 'AccountClosedError', 'The account is closed.');
errorType(InsufficientFunds, 'InsufficientFundsError', 'The balance does not cover the amount.');
errorType(BalanceNotZero, 'BalanceNotZeroError', 'Only an account with a zero balance can be closed.');
errorType(BalanceLimitExceeded, 'BalanceLimitExceededError', 'The balance would leave the range of safe integers.');
