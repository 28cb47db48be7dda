/** Close codes Roundtable's WebSocket endpoint uses, besides graphql-ws's own protocol codes. */
export enum WsCloseCode {
  /** No bearer token, or an invalid or expired one, in connectionParams.authorization. */
  Unauthorized = 4401,
  /** graphql-ws's code for a refused connection (onConnect returned false). */
  Forbidden = 4403,
}
