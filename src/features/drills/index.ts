// What other capabilities use of the drill calendar: the drills due, for the home screen.
export { DrillsDue } from './stub';
