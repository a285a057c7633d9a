// Placeholder screens until the rounds feature lands (replaced by the real screens).
export function RoundsScreen() {
  return null;
}
export function RoundPage(_: { id: string }) {
  return null;
}
export function RoundReport() {
  return null;
}
export function RoundsDue() {
  return null;
}
