import { commandRoute } from '@/server/http/command-route';
import { updateRequest } from '@/server/procurement/commands/update-request';

// UpdateRequest: the requester edits a draft or a request returned for changes.
export const POST = commandRoute(updateRequest);
