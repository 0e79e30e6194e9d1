import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/auth-options';

// next-auth's sign-in, session and sign-out endpoints for the browser.
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
