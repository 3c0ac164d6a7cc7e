import { maintenanceRouter } from './maintenance.ts';
import { tripsRouter } from './trips.ts';
import { vehiclesRouter } from './vehicles.ts';

/** Vehicles, their maintenance, and trips. */
export const travelRouters = [vehiclesRouter, maintenanceRouter, tripsRouter];
