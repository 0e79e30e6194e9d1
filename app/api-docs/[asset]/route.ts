import { swaggerAssetResponse } from '@/components/api-docs/swagger-ui-assets';

// Swagger UI's static files, read from the local swagger-ui-dist package (allow-listed).
export const GET = async (_req: Request, ctx: { params: Promise<{ asset: string }> }): Promise<Response> => swaggerAssetResponse((await ctx.params).asset);
