import { print, type DocumentNode } from 'graphql';
import WebSocket from 'ws';

export interface WsMessage {
  type: string;
  id?: string;
  payload?: any;
}

/**
 * A raw graphql-transport-ws connection that records every message and the close code, so a
 * test can assert on the protocol itself (`complete` before close 1001, error payloads).
 */
export class GraphQLWsConnection {
  readonly messages: WsMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters = new Set<() => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as WsMessage);
      for (const waiter of [...this.waiters]) waiter();
    });
    this.closed = new Promise((resolve) => {
      socket.once('close', (code, reason) => {
        resolve({ code, reason: String(reason) });
        for (const waiter of [...this.waiters]) waiter();
      });
    });
  }

  /** Opens the socket and completes the connection_init (with `connectionParams`) / connection_ack handshake. */
  static async open(url: string, connectionParams?: Record<string, unknown>): Promise<GraphQLWsConnection> {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const connection = new GraphQLWsConnection(socket);
    socket.send(JSON.stringify({ type: 'connection_init', ...(connectionParams ? { payload: connectionParams } : {}) }));
    await connection.waitFor((message) => message.type === 'connection_ack');
    return connection;
  }

  /** Sends any protocol message as it is. */
  send(message: WsMessage): void {
    this.socket.send(JSON.stringify(message));
  }

  subscribe(id: string, document: DocumentNode, variables?: Record<string, unknown>): void {
    this.socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: print(document), variables } }));
  }

  /** The messages for one operation, in arrival order. */
  of(id: string): WsMessage[] {
    return this.messages.filter((message) => message.id === id);
  }

  /** Resolves with the first recorded message matching `predicate`, waiting for it if needed. */
  waitFor(predicate: (message: WsMessage) => boolean): Promise<WsMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.find(predicate);
        if (found) {
          this.waiters.delete(check);
          resolve(found);
        } else if (this.socket.readyState === WebSocket.CLOSED) {
          this.waiters.delete(check);
          reject(new Error(`socket closed before the expected message; got ${JSON.stringify(this.messages)}`));
        }
      };
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    this.socket.close();
  }
}
