export type ShipmentCommand =
  | { type: 'CreateShipment'; id: string; orderId: string }
  | { type: 'DispatchShipment'; id: string }
  | { type: 'DeliverShipment'; id: string };
