import { EmptyState } from '../ui/EmptyState';
import type { AppModule } from './modules';

/** The page of a module that is not built yet. */
export function ComingSoon({ module }: { module: AppModule }) {
  return (
    <EmptyState icon={module.icon} title={`${module.label} is coming soon`}>
      {module.description} It will appear here in a future version of Hearth.
    </EmptyState>
  );
}
