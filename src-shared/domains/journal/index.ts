export * from './journal.schemas';
export { journalContract } from './journal.contract';
