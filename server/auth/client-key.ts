import { clientAddressOf } from '@/server/http/client-address';

/**
 * The client a request comes from, for rate limiting: the address the front door stamped from the
 * socket and the trusted proxies (server/http/client-address.ts). A client-sent X-Forwarded-For
 * or X-Real-IP is never read here, so making one up gets no fresh limit.
 */
export function clientKeyOf(headers: Headers | Record<string, string | string[] | undefined>): string {
  return clientAddressOf(headers);
}
