/**
 * Every close code Roundtable's WebSocket endpoint sends, in one place. graphql-ws's own protocol
 * codes (4400 bad request, 4408 init timeout, 4409 duplicate id, 4429 too many inits, 4500) keep
 * their meaning; ws itself closes with 1009 when a frame is larger than the body limit.
 * A failing operation never closes the socket: it answers an `error` message for its id.
 */
export enum WsCloseCode {
  /** No bearer token, or an invalid or expired one, in connectionParams.authorization. */
  Unauthorized = 4401,
  /**
   * The socket may no longer act for its viewer: the token expired while the socket was open
   * (graphql-ws's CloseCode.Forbidden). Reconnect with a fresh token.
   */
  Forbidden = 4403,
  /**
   * The viewer holds WS_MAX_SOCKETS_PER_VIEWER signed-in sockets already; or the socket opened
   * while its client address held WS_MAX_PENDING_SOCKETS_PER_ADDRESS sockets not signed in yet,
   * and sent no connection_init within WS_PENDING_OVERFLOW_GRACE_MS.
   */
  TooManySockets = 4439,
  /** The socket pinged (graphql-ws `ping` messages or WebSocket control pings) more than WS_MAX_PINGS_PER_MINUTE. */
  TooManyPings = 4440,
  /**
   * The socket fell too far behind: more than WS_MAX_BUFFERED_BYTES were queued unsent to it
   * (ws `bufferedAmount`) when another message was due. Nothing more is queued for it; the
   * client reconnects and resumes each room with `roomEvents(sinceVersion:)`.
   */
  SlowConsumer = 4441,
}
