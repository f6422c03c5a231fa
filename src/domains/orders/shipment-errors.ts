import { domainError } from '../../es/index.js';

export const ShipmentNotFound = domainError('SHIPMENT_NOT_FOUND', 'No shipment has this id', 'No shipment has this id.');
export const ShipmentAlreadyCreated = domainError('SHIPMENT_ALREADY_CREATED', 'A shipment with this id already exists');
export const ShipmentAlreadyDispatched = domainError(
  'SHIPMENT_ALREADY_DISPATCHED',
  'The shipment has been dispatched already',
  'The shipment has been dispatched already.',
);
export const ShipmentNotDispatched = domainError(
  'SHIPMENT_NOT_DISPATCHED',
  'The shipment has not been dispatched yet',
  'The shipment has not been dispatched yet.',
);
export const ShipmentAlreadyDelivered = domainError(
  'SHIPMENT_ALREADY_DELIVERED',
  'The shipment has been delivered already',
  'The shipment has been delivered already.',
);
