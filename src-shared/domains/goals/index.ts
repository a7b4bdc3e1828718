export * from './goals.contract';
export * from './goals.schemas';
