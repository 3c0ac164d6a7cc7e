import { legacyRouter } from '../legacy-router.ts';
import { tripsRouter } from '../trips.ts';
import { vehicleMaintenanceRouter } from '../vehicle-maintenance.ts';
import { vehiclesRouter } from '../vehicles.ts';

/** Vehicles, their maintenance, and trips. */
export const travelRouters = [
  legacyRouter(vehiclesRouter, 'user'),
  legacyRouter(vehicleMaintenanceRouter, 'user'),
  legacyRouter(tripsRouter, 'user'),
];
