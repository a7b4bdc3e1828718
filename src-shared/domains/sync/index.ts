/** The sync domain's shared surface. */
export * from './sync.contract';
export * from './sync.schemas';
export * from './sync-sharing.schemas';
