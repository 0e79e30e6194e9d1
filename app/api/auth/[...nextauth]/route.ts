import NextAuth from 'next-auth';
import { nextAuthRoute } from '@/server/auth/next-auth-route';
import { authOptions } from '@/server/auth/auth-options';

// next-auth's sign-in, session and sign-out endpoints for the browser, behind the same body cap as the API.
const handler = nextAuthRoute(NextAuth(authOptions));
export { handler as GET, handler as POST };
