import { eventsContext } from './events';
import { identityContext } from './identity';
import { opsContext } from './ops';
import { socialContext } from './social';

/** Every bounded context; the worker, the OpenAPI document and the rebuild tool read this list. */
export const contexts = [identityContext, eventsContext, socialContext, opsContext];

export const allProjectors = contexts.flatMap((c) => c.projectors);
