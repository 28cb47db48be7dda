import { Writable } from 'node:stream';

import pino from 'pino';

import { apiLoggerOptions, serializeError } from './logger-options';

describe('API logger options', () => {
  it('kind: secrets in logged errors — an error keeps type, message, code, stack and cause, never its other properties', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', address: '127.0.0.1' });
    // What a pg-boss/pg error can carry: the client, with the backend's process id and cancel key.
    const error = Object.assign(new Error('Connection terminated unexpectedly', { cause }), { client: { processID: 4242, secretKey: 987654321 } });
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    });
    pino(apiLoggerOptions('info'), stream).warn({ err: error }, 'media outbox (pg-boss) error');
    const text = JSON.stringify(lines);
    expect(text).not.toContain('secretKey');
    expect(text).not.toContain('987654321');
    expect(lines[0]?.['err']).toMatchObject({
      type: 'Error',
      message: 'Connection terminated unexpectedly',
      cause: { type: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:5432', code: 'ECONNREFUSED' },
    });
    expect(lines[0]?.['err']).not.toHaveProperty('cause.address');
  });

  it('variant: a PostgreSQL error keeps its SQLSTATE as code; what is not an error passes as it is', () => {
    expect(serializeError(Object.assign(new Error('duplicate key'), { code: '23505', detail: 'Key (id)=(x) exists', table: 'rooms' }))).toEqual({
      type: 'Error',
      message: 'duplicate key',
      code: '23505',
      stack: expect.any(String),
    });
    expect(serializeError({ message: 'plain' })).toEqual({ message: 'plain' });
  });
});
