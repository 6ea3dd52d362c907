import type { EngineState } from '../EngineState';
import type { EngineRecord } from '../protocol/records';

/**
 * Applies one event to the state (Zeebe's TypedEventApplier). `attachment` carries what a
 * record cannot (the parsed model of a deployed process).
 */
export type Applier<V = unknown> = (
  state: EngineState,
  key: string,
  value: V,
  record: EngineRecord,
  attachment?: unknown,
) => void;
