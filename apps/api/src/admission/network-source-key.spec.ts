import { networkSourceKey } from './network-source-key';

describe('networkSourceKey', () => {
  it('one key per IPv4 /24 and IPv6 /48, never the address itself', () => {
    const a = networkSourceKey('203.0.113.7', 's');
    expect(a).toBe(networkSourceKey('203.0.113.200', 's'));
    expect(a).toBe(networkSourceKey('::ffff:203.0.113.9', 's'));
    expect(a).not.toBe(networkSourceKey('203.0.114.7', 's'));
    expect(a).not.toContain('203');
    expect(networkSourceKey('2001:db8:1:2::1', 's')).toBe(networkSourceKey('2001:0db8:0001:ffff::9', 's'));
    expect(networkSourceKey('2001:db8:1:2::1', 's')).not.toBe(networkSourceKey('2001:db8:2::1', 's'));
  });

  it('depends on the secret, and is null without a usable address', () => {
    expect(networkSourceKey('203.0.113.7', 'a')).not.toBe(networkSourceKey('203.0.113.7', 'b'));
    expect(networkSourceKey(null, 's')).toBeNull();
    expect(networkSourceKey('not an address', 's')).toBeNull();
  });
});
