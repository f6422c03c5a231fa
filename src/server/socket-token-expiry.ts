import type { WebSocket } from 'ws';
import { tokenExpiry } from '../auth/token-expiry.js';
import { atTime } from './at-time.js';

/** graphql-ws's Forbidden: the connection's credentials no longer hold. */
const FORBIDDEN = 4403;

/**
 * A WebSocket lives no longer than the token it sent in `connection_init`: at the token's `exp`
 * it is closed with 4403, which ends every operation on it. Each new operation asks `expired`
 * too, so none is accepted after `exp` even if the timer runs late.
 */
export class SocketTokenExpiry {
  private readonly expiries = new WeakMap<WebSocket, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Starts the clock of `socket` for the token in `authorization`, which the authenticator has accepted. */
  watch(socket: WebSocket, authorization: unknown): void {
    const expiresAt = tokenExpiry(authorization);
    if (expiresAt === undefined || socket.readyState !== socket.OPEN) return;
    this.expiries.set(socket, expiresAt);
    const cancel = atTime(expiresAt, () => expire(socket), this.now);
    socket.once('close', cancel);
  }

  /** True once the token of `socket` has expired; the socket is closing (4403) then. */
  expired(socket: WebSocket): boolean {
    const expiresAt = this.expiries.get(socket);
    if (expiresAt === undefined || this.now() < expiresAt) return false;
    expire(socket);
    return true;
  }
}

function expire(socket: WebSocket): void {
  socket.close(FORBIDDEN, 'Forbidden: the token has expired');
}
