// The drill calendar and history, one chunk.
export { DrillsScreen } from './DrillsScreen';
