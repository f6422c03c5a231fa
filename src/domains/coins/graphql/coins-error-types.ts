import { errorType } from '../../../graphql/types/errors.js';
import { InvalidNonce, NonceAlreadyUsed, NotEnoughCoins } from '../coins-errors.js';

errorType(NonceAlreadyUsed, 'NonceAlreadyUsedError', 'The nonce is not greater than the last nonce this account mined.');
errorType(InvalidNonce, 'InvalidNonceError', 'The nonce is not a proof of work for this account.');
errorType(NotEnoughCoins, 'NotEnoughCoinsError', 'The account does not have the coins to send.');
