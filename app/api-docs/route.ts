import { apiDocsPageResponse } from '@/components/api-docs/swagger-ui-assets';

// The browsable API page (Swagger UI, served offline from our own origin).
export const GET = async (): Promise<Response> => apiDocsPageResponse();
