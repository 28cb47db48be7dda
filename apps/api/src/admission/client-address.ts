import type { IncomingMessage } from 'node:http';
import { isIP, isIPv4 } from 'node:net';

import proxyaddr from 'proxy-addr';

/**
 * TRUST_PROXY, parsed: which hops in front of the API are reverse proxies whose
 * `X-Forwarded-For` is believed. The same choices as Express's `trust proxy`, except `true`
 * (trusting every hop lets any client name its own address).
 */
export type TrustProxySetting =
  | { readonly kind: 'none' }
  /** The nearest `hops` hops (the socket peer is hop 0) are proxies, whatever their address. */
  | { readonly kind: 'hops'; readonly hops: number }
  /** Hops with these addresses, CIDRs or proxy-addr names (`loopback`, `linklocal`, `uniquelocal`) are proxies. */
  | { readonly kind: 'addresses'; readonly addresses: readonly string[] };

/** proxy-addr's trust function: is `address`, `hop` hops away (0 = the socket peer), a trusted proxy? */
export type TrustProxy = (address: string, hop: number) => boolean;

/** The most proxies a request may pass through that a hop count may name. */
export const MAX_TRUSTED_HOPS = 32;

/**
 * Reads TRUST_PROXY: `false` (or empty: trust nothing, the socket peer is the client), a hop
 * count 1–{@link MAX_TRUSTED_HOPS}, or comma-separated addresses / CIDRs / proxy-addr names.
 * Throws an Error whose message says what is wrong (config.ts prefixes the variable's name).
 */
export function parseTrustProxy(value: string): TrustProxySetting {
  const text = value.trim();
  if (text === '' || text === 'false' || text === '0') return { kind: 'none' };
  if (text === 'true') {
    throw new Error('`true` would believe the X-Forwarded-For of any client; give a hop count or the proxies\' addresses');
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_TRUSTED_HOPS) throw new Error(`a hop count must be from 1 to ${MAX_TRUSTED_HOPS}, got ${text}`);
    return { kind: 'hops', hops };
  }
  const addresses = text.split(',').map((part) => part.trim());
  if (addresses.some((address) => address === '')) throw new Error('an empty entry in the comma-separated list');
  try {
    proxyaddr.compile(addresses);
  } catch (error) {
    // proxy-addr says which entry: "invalid IP address: x", "invalid range on address: y".
    throw new Error(`${error instanceof Error ? error.message : String(error)} (expected false, a hop count, or addresses/CIDRs/loopback/linklocal/uniquelocal)`);
  }
  return { kind: 'addresses', addresses };
}

/** The trust function for a setting (also handed to Express as `trust proxy`, so `req.ip` agrees). */
export function compileTrustProxy(setting: TrustProxySetting): TrustProxy {
  switch (setting.kind) {
    case 'none':
      return () => false;
    case 'hops': {
      const { hops } = setting;
      return (_address, hop) => hop < hops;
    }
    case 'addresses':
      return proxyaddr.compile(setting.addresses);
  }
}

/**
 * The client address of an HTTP request or WebSocket upgrade: the socket peer, or, through
 * trusted proxies only, the address the nearest untrusted hop's proxy wrote into X-Forwarded-For.
 * Every decision that depends on an address (anonymous rate-limit keys, socket budgets,
 * REPORT_SOURCE_BY_NETWORK, logs) takes it from here. IPv4-mapped IPv6 (`::ffff:a.b.c.d`) is
 * given as IPv4, so one client has one key on a dual-stack listener. Null when the socket is
 * already gone.
 */
export function clientAddress(request: IncomingMessage, trust: TrustProxy): string | null {
  if (!request.socket.remoteAddress) return null;
  const hops = proxyaddr.all(request, trust);
  let address = hops[0] ?? request.socket.remoteAddress;
  // A hop count larger than the real chain reaches what the client itself wrote: stop at
  // anything that is not an address rather than key budgets on arbitrary header text.
  for (const hop of hops.slice(1)) {
    if (isIP(hop) === 0) break;
    address = hop;
  }
  return unmapped(address);
}

function unmapped(address: string): string {
  return address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
}
