// The inspection rounds' screens, one chunk: the list of rounds due and findings, one round done on the phone, the round report.
export { RoundsScreen } from './RoundsScreen';
export { RoundPage } from './RoundPage';
export { RoundReport } from './RoundReport';
