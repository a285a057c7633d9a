// Placeholder until the drills feature lands.
export function DrillsScreen() {
  return null;
}
export function DrillsDue() {
  return null;
}
