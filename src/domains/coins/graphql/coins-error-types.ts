import { errorType } from '../../../graphql/types/errors.js';
import { InvalidNonce, NonceAlreadyUsed, NotEnoughCoins } from '../coins-errors.js';

errorType(NonceAlreadyUsed);
errorType(InvalidNonce);
errorType(NotEnoughCoins);
