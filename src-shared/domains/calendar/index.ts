export * from './calendar.contract';
export * from './calendar.schemas';
// Quick add's date and repeat reading, reused by the task quick add (src-shared/domains/goals/quick-add.ts).
export { chronoIn, tidy, wallOf, parseQuickAdd, type Parse, type QuickAdd, type QuickAddOptions } from './quick-add';
export { findRepeat, firstDay, type RepeatAnchor, type RepeatPhrase } from './quick-add-repeat';
