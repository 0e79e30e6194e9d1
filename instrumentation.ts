/**
 * Runs once when a Next.js server process starts: puts the front door (server/http/front-door.ts)
 * in front of every request, which refuses methods and paths Next.js would answer with a 500 and
 * stamps the client's address for rate limiting (decision 0009).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installFrontDoor } = await import('./server/http/front-door');
  installFrontDoor();
}
