// The campaign domain (seed plan part 2, the credit-risk self-inspection): state, summaries, terms and exports.
export * from './state';
export * from './summary';
export * from './terms';
export * from './export';
