import { issueTokenHandler } from '@/server/auth/token-handler';

// Bearer tokens for non-browser clients.
export const POST = issueTokenHandler;
