/** The client a request comes from, for rate limiting: the first forwarded address, else "local". */
export function clientKeyOf(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : ([headers[name]].flat()[0] ?? null));
  return get('x-forwarded-for')?.split(',')[0].trim() || get('x-real-ip') || 'local';
}
