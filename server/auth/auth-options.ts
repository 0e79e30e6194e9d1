import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { AppError } from '@/server/cqrs/errors';
import { env } from '@/server/env';
import { tokenInput } from '@/server/identity/schemas';
import { authenticate } from './authenticate';
import { clientKeyOf } from './client-key';

/**
 * next-auth v4: the stable line that supports Next 16 on Node 20 (see docs/decisions). Credentials
 * sign-in with JWT sessions; the JWT carries the user's id and roles.
 */
export const authOptions: AuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  pages: { signIn: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        // the token endpoint's rules: a malformed email or password names no account (and never reaches the database)
        const input = tokenInput.safeParse({ email: credentials?.email, password: credentials?.password });
        if (!input.success) return null;
        try {
          const actor = await authenticate(input.data.email, input.data.password, clientKeyOf(req.headers ?? {}));
          return { id: actor.userId, email: actor.email, name: actor.name, roles: actor.roles };
        } catch (err) {
          // next-auth passes an thrown error's message to the client as `error`.
          if (err instanceof AppError && err.code === 'rate-limited') throw new Error('rate-limited');
          return null;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.roles = (user as { roles?: string[] }).roles ?? [];
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.sub!, email: token.email ?? '', name: token.name ?? '', roles: (token.roles as string[]) ?? [] };
      return session;
    },
  },
};
