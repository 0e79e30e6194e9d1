import { BlockList, isIP } from 'node:net';

/**
 * The request header that carries the client's address to route handlers. The front door
 * (server/http/front-door.ts) sets it on every request from the socket and the trusted proxies,
 * after deleting whatever the client sent under this name, so handlers can rely on it.
 */
export const CLIENT_ADDRESS_HEADER = 'x-quadrant-client-address';

/** Requests that did not come through the front door (none in production) share this key. */
export const UNKNOWN_CLIENT = 'unknown';

/** `::ffff:10.0.0.1` (IPv4 on an IPv6 socket) is 10.0.0.1. */
const normalize = (address: string) => {
  const trimmed = address.trim();
  return trimmed.startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
};

/**
 * TRUSTED_PROXIES: comma-separated addresses or CIDR ranges (`10.0.0.0/8`, `::1`) of the reverse
 * proxies in front of the web process. Empty (the default): nothing is trusted, X-Forwarded-For is
 * ignored and the client is the socket's peer. `loopback` is shorthand for 127.0.0.0/8 and ::1.
 */
export function parseTrustedProxies(setting: string | undefined): BlockList {
  const list = new BlockList();
  for (const raw of (setting ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (raw === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address, bits] = raw.split('/');
    const family = isIP(address);
    if (!family) throw new Error(`TRUSTED_PROXIES: ${raw} is not an IP address or CIDR range`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

const trusts = (list: BlockList, address: string) => {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
};

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy, in which case
 * X-Forwarded-For is read from the right (the entry the proxy itself appended) leftwards, skipping
 * trusted proxies, and the first address not trusted is the client. Entries left of it were
 * written by the client and are never believed, so a made-up X-Forwarded-For changes nothing.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string {
  let client = normalize(socketAddress ?? '') || UNKNOWN_CLIENT;
  if (!trusts(trusted, client)) return client;
  const hops = [forwardedFor ?? []].flat().join(',').split(',').map(normalize).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isIP(hops[i])) break; // garbage from the client's side: stop at the last good hop
    client = hops[i];
    if (!trusts(trusted, client)) break;
  }
  return client;
}

/** The client address the front door put on the request (route handlers' side). */
export function clientAddressOf(headers: Headers | Record<string, string | string[] | undefined>): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : [headers[CLIENT_ADDRESS_HEADER]].flat()[0];
  return value && isIP(value) ? value : UNKNOWN_CLIENT;
}
