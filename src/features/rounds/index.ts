// What other capabilities use of the inspection rounds: what is due today, for the home screen.
export { RoundsDue } from './RoundsDue';
