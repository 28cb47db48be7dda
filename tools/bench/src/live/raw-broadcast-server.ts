import { createServer } from 'node:http';

import { WebSocketServer } from 'ws';

/**
 * The fan-out baseline: a plain `ws` server that, on `POST /broadcast`, sends one pre-serialised
 * frame to every connected client and then answers. `PUT /frame` sets the frame (the benchmark
 * uses a graphql-ws `next` frame of the API's size); `GET /send-ms` answers each broadcast's
 * milliseconds from the request's arrival to its last frame handed to a socket, as a JSON array;
 * `GET /healthz` answers when listening.
 * Usage: node raw-broadcast-server.js <port>
 */

const port = Number(process.argv[2]);
let frame = Buffer.from('{"type":"next"}');
const sendMs: number[] = [];
const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/broadcast') {
    const started = performance.now();
    // One serialisation, N sends: the cost floor of a fan-out in Node.
    for (const client of wss.clients) client.send(frame, { binary: false });
    sendMs.push(performance.now() - started);
    res.end(String(wss.clients.size));
    return;
  }
  if (req.method === 'GET' && req.url === '/send-ms') {
    res.end(JSON.stringify(sendMs));
    return;
  }
  if (req.method === 'PUT' && req.url === '/frame') {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      frame = Buffer.concat(chunks);
      res.end(String(frame.length));
    });
    return;
  }
  if (req.url === '/healthz') {
    res.end('ok');
    return;
  }
  res.statusCode = 404;
  res.end();
});
const wss = new WebSocketServer({ server, path: '/ws' });
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
});
