import type { IncomingMessage } from 'node:http';

import { loadConfig } from '../config/config';
import { clientAddress, compileTrustProxy, parseTrustProxy } from './client-address';

/** The two fields proxy-addr reads of a request: the socket peer and the headers. */
function request(peer: string | undefined, forwardedFor?: string): IncomingMessage {
  return { socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } } as unknown as IncomingMessage;
}

const addressFor = (setting: string, peer: string | undefined, forwardedFor?: string) =>
  clientAddress(request(peer, forwardedFor), compileTrustProxy(parseTrustProxy(setting)));

describe('clientAddress', () => {
  it('trusts nothing by default: the socket peer, whatever X-Forwarded-For says', () => {
    expect(loadConfig({}).trustProxy).toEqual({ kind: 'none' });
    expect(addressFor('false', '203.0.113.7', '198.51.100.1')).toBe('203.0.113.7');
    expect(addressFor('', '203.0.113.7', '198.51.100.1')).toBe('203.0.113.7');
  });

  it('behind trusted proxies (by address or CIDR), the nearest address a trusted proxy wrote', () => {
    expect(addressFor('10.0.0.0/8', '10.0.0.5', '198.51.100.1')).toBe('198.51.100.1');
    // The client prepended a spoofed entry; the proxy appended the real peer: the spoof is never reached.
    expect(addressFor('10.0.0.5', '10.0.0.5', '1.2.3.4, 198.51.100.1')).toBe('198.51.100.1');
    // Two proxies in a row, both trusted.
    expect(addressFor('loopback, 10.0.0.0/8', '127.0.0.1', '198.51.100.1, 10.0.0.9')).toBe('198.51.100.1');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(addressFor('10.0.0.0/8', '203.0.113.7', '198.51.100.1')).toBe('203.0.113.7');
  });

  it('a hop count trusts that many hops, and never a value that is not an address', () => {
    expect(addressFor('1', '10.0.0.5', '1.2.3.4, 198.51.100.1')).toBe('198.51.100.1');
    expect(addressFor('2', '10.0.0.5', '1.2.3.4, 198.51.100.1')).toBe('1.2.3.4');
    expect(addressFor('3', '10.0.0.5', 'anything-at-all, 198.51.100.1')).toBe('198.51.100.1');
  });

  it('gives IPv4-mapped IPv6 as IPv4, and null once the socket is gone', () => {
    expect(addressFor('false', '::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressFor('false', '2001:db8::1')).toBe('2001:db8::1');
    expect(addressFor('false', undefined)).toBeNull();
  });
});

describe('TRUST_PROXY', () => {
  it('reads false, hop counts and address lists', () => {
    expect(parseTrustProxy('0')).toEqual({ kind: 'none' });
    expect(parseTrustProxy('2')).toEqual({ kind: 'hops', hops: 2 });
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual({ kind: 'addresses', addresses: ['loopback', '10.0.0.0/8'] });
  });

  it.each([
    ['true', /X-Forwarded-For of any client/],
    ['33', /hop count must be from 1 to 32/],
    ['10.0.0.0/99', /invalid range on address/],
    ['proxy.internal', /invalid IP address: proxy\.internal/],
    ['10.0.0.1,,10.0.0.2', /empty entry/],
  ])('refuses %s at start-up, naming the variable', (value, reason) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: /);
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(reason);
  });
});
