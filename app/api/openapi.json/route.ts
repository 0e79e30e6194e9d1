import { openApiHandler } from '@/server/http/openapi';

// The OpenAPI 3.1 document, generated from the zod contracts.
export const GET = openApiHandler;
