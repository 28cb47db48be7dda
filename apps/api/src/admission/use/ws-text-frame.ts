import type { Socket } from 'node:net';

import type { WebSocket } from 'ws';

/**
 * The parts of a `ws` 8 WebSocket (the pinned 8.23.0) that a direct frame write reads. They are not
 * ws's public API: {@link sendTextFrame} checks each of them and falls back to `WebSocket.send` when
 * one is missing or not in its idle state, so a ws that changes them costs a copy, never a frame.
 */
interface WsInternals {
  readonly _socket?: Socket | null;
  readonly _extensions?: Record<string, unknown>;
  readonly _sender?: { readonly _firstFragment?: unknown; readonly _state?: unknown; readonly _queue?: unknown; readonly _bufferedBytes?: unknown } | null;
}

/** ws's Sender state when nothing is queued behind compression or a Blob read (`DEFAULT`, 0). */
const SENDER_IDLE = 0;

/**
 * Whether a text frame can be written to the socket's TCP stream directly: no extension negotiated
 * (permessage-deflate would have to compress it), ws's Sender idle with nothing queued (a frame
 * written now would overtake one it holds), and not in the middle of a fragmented message.
 */
function writesDirectly(socket: WebSocket): Socket | null {
  const internals = socket as unknown as WsInternals;
  const tcp = internals._socket;
  const sender = internals._sender;
  if (!tcp || !sender || !internals._extensions) return null;
  for (const _negotiated in internals._extensions) return null;
  if (sender._firstFragment !== true || sender._state !== SENDER_IDLE || sender._bufferedBytes !== 0) return null;
  if (!Array.isArray(sender._queue) || sender._queue.length > 0) return null;
  return tcp;
}

/**
 * The RFC 6455 §5.2 header of one final, unmasked (server-to-client) text frame of `length` bytes
 * of payload, followed by `prefix`: one small buffer.
 */
function headerWith(length: number, prefix: Buffer): Buffer {
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const out = Buffer.allocUnsafe(headerLength + prefix.length);
  out[0] = 0x81; // FIN, opcode 1 (text)
  if (length < 126) out[1] = length;
  else if (length < 65_536) {
    out[1] = 126;
    out.writeUInt16BE(length, 2);
  } else {
    out[1] = 127;
    out.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    out.writeUInt32BE(length >>> 0, 6);
  }
  prefix.copy(out, headerLength);
  return out;
}

/**
 * Sends one WebSocket text message whose UTF-8 payload is `prefix` then `shared`, as exactly the
 * bytes `socket.send(Buffer.concat([prefix, shared]), { binary: false })` would put on the wire,
 * but without copying `shared`: a small buffer with the frame's header and the prefix, then
 * `shared` itself, go to the TCP socket as one corked write (one `writev`, as ws's own send of a
 * frame). For a payload shared by many sockets (a subscription fan-out's frame, ~10–30 KB, to
 * 10,000 subscribers) this saves a copy and an allocation of the whole payload per socket, and the
 * garbage collection that follows. Falls back to `socket.send` with one copied buffer whenever ws
 * could be holding or transforming frames (see {@link writesDirectly}), and when the socket is not
 * OPEN (ws's send then drops the frame).
 *
 * @param prefix, shared UTF-8 bytes; only their concatenation need be valid UTF-8. `shared` sits
 *   uncopied in every socket's write queue until written: it must never be modified.
 */
export function sendTextFrame(socket: WebSocket, prefix: Buffer, shared: Buffer): void {
  // Not OPEN (ws may have written its close frame already): ws's send drops the frame, as it must.
  const tcp = socket.readyState === socket.OPEN ? writesDirectly(socket) : null;
  if (tcp === null || tcp.destroyed) {
    socket.send(Buffer.concat([prefix, shared]), { binary: false });
    return;
  }
  const header = headerWith(prefix.length + shared.length, prefix);
  tcp.cork();
  try {
    tcp.write(header);
    tcp.write(shared);
  } finally {
    tcp.uncork();
  }
}
