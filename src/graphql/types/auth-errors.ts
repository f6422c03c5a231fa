import { Forbidden, Unauthenticated } from '../../auth/auth-errors.js';
import { errorType } from './errors.js';

errorType(Unauthenticated);
errorType(Forbidden);
