/** Playbooks: the schema, the validator and the route lookup. See scenarios/ for the files. */
export * from './schema';
export type { Item } from './schema-common';
export type { Command, EmergencyNumber, Group, InterimCommand, Position, Role, Team } from './schema-command';
export type { AssemblyPoint, Building, Floor, Route, Stairway } from './schema-evacuation';
export * from './validate';
export type { PlaybookFileCheck } from './file';
export { hasRoutes, routeBuildings, routesForFloor, type FloorRoute } from './routes';
