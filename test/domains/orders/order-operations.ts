import { graphql } from '../../gql/index.js';

/** The operations the orders tests send, as a client would write them (typed by `npm run codegen`). */
export const ORDER_FIELDS = graphql(`
  fragment OrderFields on Order {
    id orderNumber businessPartner status version
    items { productId quantity uom }
    shipment { id orderId status }
  }
`);

export const CREATE_ORDER = graphql(`
  mutation CreateOrder($input: CreateOrderInput!) {
    createOrder(input: $input) {
      __typename
      ...OrderFields
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const ADD_ORDER_ITEMS = graphql(`
  mutation AddOrderItems($id: ID!, $items: [OrderItemInput!]!) {
    addOrderItems(id: $id, items: $items) {
      __typename
      ...OrderFields
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const REMOVE_ORDER_ITEM = graphql(`
  mutation RemoveOrderItem($id: ID!, $productId: ID!) {
    removeOrderItem(id: $id, productId: $productId) {
      __typename
      ...OrderFields
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const COMPLETE_ORDER = graphql(`
  mutation CompleteOrder($id: ID!) {
    completeOrder(id: $id) {
      __typename
      ...OrderFields
      ... on Error { code message }
      ... on OrderHasBlockedProductsError { productIds }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const DELETE_ORDER = graphql(`
  mutation DeleteOrder($id: ID!) {
    deleteOrder(id: $id) {
      __typename
      ... on DeletedOrder { id }
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const DISPATCH_SHIPMENT = graphql(`
  mutation DispatchShipment($id: ID!) {
    dispatchShipment(id: $id) {
      __typename
      ... on Shipment { id orderId status dispatchedAt }
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const DELIVER_SHIPMENT = graphql(`
  mutation DeliverShipment($id: ID!) {
    deliverShipment(id: $id) {
      __typename
      ... on Shipment { id orderId status deliveredAt }
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const BLOCK_PRODUCT = graphql(`
  mutation BlockProduct($productId: ID!) {
    blockProduct(productId: $productId) {
      __typename
      ... on ProductBlock { productId blocked }
      ... on ValidationError { code fields { path message } }
    }
  }
`);

export const UNBLOCK_PRODUCT = graphql(`
  mutation UnblockProduct($productId: ID!) {
    unblockProduct(productId: $productId) {
      __typename
      ... on ProductBlock { productId blocked }
      ... on ValidationError { code fields { path message } }
    }
  }
`);

export const ORDER = graphql(`
  query Order($id: ID!) {
    order(id: $id) { ...OrderFields }
  }
`);

export const ORDER_BY_NUMBER = graphql(`
  query OrderByNumber($orderNumber: String!) {
    orderByNumber(orderNumber: $orderNumber) { ...OrderFields }
  }
`);

export const ORDERS = graphql(`
  query Orders($status: OrderStatus, $businessPartner: String, $first: Int, $after: String) {
    orders(status: $status, businessPartner: $businessPartner, first: $first, after: $after) {
      edges { cursor node { ...OrderFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const BLOCKED_PRODUCTS = graphql(`
  query BlockedProducts {
    blockedProducts
  }
`);

export const EVENTS_BY_CORRELATION = graphql(`
  query EventsByCorrelation($correlationId: String!) {
    events(correlationId: $correlationId, first: 100) {
      edges { node { position eventId streamId version type metadata { correlationId causationId } } }
    }
  }
`);

export const ORDERS_STREAM = graphql(`
  query OrdersStream($after: String) {
    stream(id: "orders") {
      version
      events(first: 50, after: $after) {
        edges { cursor node { position streamId version type data linkedFrom { streamId version } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export const ORDER_STATUS_CHANGED = graphql(`
  subscription OrderStatusChanged($id: ID!, $after: String) {
    orderStatusChanged(id: $id, after: $after) { orderId status shipmentId eventType position }
  }
`);

export const DEAD_LETTERS = graphql(`
  query OrderDeadLetters($handler: String) {
    deadLetters(handler: $handler) { id handler position eventId eventType error attempts }
  }
`);

export const RETRY_DEAD_LETTER = graphql(`
  mutation RetryOrderDeadLetter($id: SafeInt!) {
    retryDeadLetter(id: $id) {
      __typename
      ... on DeadLetter { id eventType }
      ... on Error { code message }
    }
  }
`);
