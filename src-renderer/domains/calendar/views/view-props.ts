import type { Occurrence } from '../calendar-types';
import type { WallDelta } from '../layout/move';

/** What every view gets from the page: how to move/resize an instance (the page asks the scope) and open tasks. */
export interface ViewProps {
  onShift(occ: Occurrence, mode: 'move' | 'resize', delta: WallDelta): void;
  onTask(): void;
}
