export * from './calendar.contract';
export * from './calendar.schemas';
