/** The backup domain's shared surface. */
export * from './backup.contract';
export * from './backup.schemas';
