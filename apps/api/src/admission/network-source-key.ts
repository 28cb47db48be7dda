import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * Where a request came from, coarsely and without storing the address: an HMAC of the client's
 * network (IPv4 /24, IPv6 /48), so many accounts reporting from one place count as one source for
 * the automatic mute (libs/moderation `decideAutoMute`'s `sourceKey`). Null without an address.
 */
export function networkSourceKey(ip: string | null, secret: string): string | null {
  if (!ip) return null;
  const address = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  let network: string;
  if (isIPv4(address)) {
    network = `${address.split('.').slice(0, 3).join('.')}.0/24`;
  } else if (isIPv6(address)) {
    const groups = expandIPv6(address);
    network = `${groups.slice(0, 3).join(':')}::/48`;
  } else {
    return null;
  }
  return createHmac('sha256', secret).update(network).digest('base64url').slice(0, 22);
}

function expandIPv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = Math.max(0, 8 - left.length - right.length);
  return [...left, ...Array.from({ length: missing }, () => '0'), ...right].map((group) => group.toLowerCase().padStart(4, '0'));
}
