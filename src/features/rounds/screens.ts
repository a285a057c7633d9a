// The inspection rounds' screens, one chunk: the list of rounds due and findings, one round done on the phone, the round report.
export { RoundsScreen, RoundPage, RoundReport } from './stub';
