export * from './email.contract';
export * from './email.schemas';
