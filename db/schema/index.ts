export * from './domain-events';
export * from './identity';
export * from './events';
export * from './social';
export * from './reactors';
export * from './procurement';
