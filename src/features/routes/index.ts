// What other capabilities use of the routes: a route and its safety rules, worded and drawn as the floor page shows them.
export { floorView, ruleLines, type FloorView, type RouteLine, type RuleLine } from './floor-view';
export { RouteCard, SafetyRuleList } from './RouteParts';
export { FloorRouteView } from './FloorRouteView';
export { FloorPoster } from './FloorPoster';
export { QrCode } from './QrCode';
export { floorPath } from './floor-view';
