import { domainError } from '../../es/index.js';

export const TransferExists = domainError(
  'TRANSFER_EXISTS',
  'A transfer with this id already exists',
  'A transfer with this id already exists.',
);
export const TransferNotPending = domainError('TRANSFER_NOT_PENDING', 'The transfer has already ended');
export const TransferNotFound = domainError('TRANSFER_NOT_FOUND', 'No transfer has this id');
