// proxy-addr ships no types and @types/proxy-addr is not installed: the part Roundtable calls.
declare module 'proxy-addr' {
  import type { IncomingMessage } from 'node:http';

  /** Whether the hop `address`, `i` hops from this server (0 = the socket peer), is a trusted proxy. */
  type TrustFunction = (address: string, i: number) => boolean;

  /** The client address: the furthest address in X-Forwarded-For reached through trusted proxies only. */
  function proxyaddr(request: IncomingMessage, trust: TrustFunction): string;

  namespace proxyaddr {
    /** Addresses or CIDRs, or the names `loopback`, `linklocal`, `uniquelocal`; throws TypeError on an invalid one. */
    function compile(value: string | readonly string[]): TrustFunction;
    /** The socket peer, then X-Forwarded-For from the nearest hop outwards, cut after the first untrusted hop. */
    function all(request: IncomingMessage, trust: TrustFunction): string[];
  }

  export = proxyaddr;
}
