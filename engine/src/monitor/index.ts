/** The monitoring queries of the embedded engine (see README.md). */
export { EngineMonitor } from './EngineMonitor';
export { MonitorQueryError } from './page';
export type * from './types';
