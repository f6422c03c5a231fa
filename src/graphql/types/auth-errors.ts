import { Forbidden, Unauthenticated } from '../../auth/auth-errors.js';
import { errorType } from './errors.js';

errorType(Unauthenticated, 'UnauthenticatedError', 'The operation needs a valid bearer token; nothing was changed.');
errorType(Forbidden, 'ForbiddenError', 'The access rules do not allow this actor to do this; nothing was changed.');
