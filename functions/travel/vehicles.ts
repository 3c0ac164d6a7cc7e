import { z } from '@hono/zod-openapi';
import { and, eq, ne, type SQL } from 'drizzle-orm';
import { vehicles } from '../../db/schema/index.ts';
import { listPage, PageQuery } from '../database/pagination.ts';
import { deleteOr404, findOr404, insertOne, updateOr404 } from '../database/rows.ts';
import type { Database } from '../database/types.ts';
import { JsonObject, Timestamp, Uuid } from '../shapes.ts';

/** A user's vehicles. Every function runs under the caller's claims: the policies decide whose rows these are. */

export const FuelType = z.enum(['gasoline', 'diesel', 'electric', 'hybrid', 'other']);

export const MIN_VEHICLE_YEAR = 1900;
export const MAX_VEHICLE_YEAR = 2100;

export const Vehicle = z
  .object({
    id: Uuid,
    user_id: Uuid,
    make: z.string(),
    model: z.string(),
    year: z.number().int(),
    license_plate: z.string().nullable(),
    vin: z.string().nullable(),
    color: z.string().nullable(),
    fuel_type: FuelType,
    fuel_efficiency: JsonObject.nullable().openapi({ description: '{ city, highway, combined, unit }' }),
    insurance_info: JsonObject.nullable(),
    is_primary: z.boolean(),
    is_active: z.boolean(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Vehicle');
export type Vehicle = typeof vehicles.$inferSelect;

/** What a caller may write; ids, owner and timestamps are not accepted and are ignored. */
export const VehicleInput = z
  .object({
    make: z.string().trim().min(1).max(100),
    model: z.string().trim().min(1).max(100),
    year: z.number().int().min(MIN_VEHICLE_YEAR).max(MAX_VEHICLE_YEAR),
    license_plate: z.string().trim().max(32).nullable().optional(),
    vin: z.string().trim().max(17).nullable().optional(),
    color: z.string().trim().max(50).nullable().optional(),
    fuel_type: FuelType.optional(),
    fuel_efficiency: JsonObject.nullable().optional(),
    insurance_info: JsonObject.nullable().optional(),
    is_primary: z.boolean().optional(),
    is_active: z.boolean().optional(),
  })
  .openapi('VehicleCreate');
export type VehicleInput = z.infer<typeof VehicleInput>;

export const VehicleChanges = VehicleInput.partial().openapi('VehicleUpdate');
export type VehicleChanges = z.infer<typeof VehicleChanges>;

export const VehicleFilters = PageQuery.extend({
  is_active: z.enum(['true', 'false']).optional().openapi({ description: 'Only active (or only retired) vehicles' }),
});
export type VehicleFilters = z.infer<typeof VehicleFilters>;

function vehicleConditions(filters: VehicleFilters): (SQL | undefined)[] {
  return [filters.is_active ? eq(vehicles.is_active, filters.is_active === 'true') : undefined];
}

/**
 * Keeps at most one primary vehicle per user once `vehicleId` has become primary. The
 * update policy limits it to the caller's own vehicles.
 */
async function unmarkOtherPrimaryVehicles(db: Database, vehicleId: string): Promise<void> {
  await db
    .update(vehicles)
    .set({ is_primary: false })
    .where(and(eq(vehicles.is_primary, true), ne(vehicles.id, vehicleId)));
}

/** Newest first, a page at a time. */
export const listVehicles = (db: Database, filters: VehicleFilters) =>
  listPage(db, vehicles, vehicleConditions(filters), filters);

/** A vehicle marked `is_primary` unmarks the caller's other vehicles. */
export async function addVehicle(db: Database, input: VehicleInput): Promise<Vehicle> {
  const vehicle = await insertOne(db, vehicles, input);
  if (vehicle.is_primary) await unmarkOtherPrimaryVehicles(db, vehicle.id);
  return vehicle;
}

export const getVehicle = (db: Database, id: string) => findOr404(db, vehicles, id, 'vehicle');

/** Marking a vehicle `is_primary` unmarks the caller's other vehicles. */
export async function updateVehicle(db: Database, id: string, changes: VehicleChanges): Promise<Vehicle> {
  const vehicle = await updateOr404(db, vehicles, id, changes, 'vehicle');
  if (changes.is_primary) await unmarkOtherPrimaryVehicles(db, vehicle.id);
  return vehicle;
}

/** Deletes the vehicle and its maintenance log; trips that used it keep going without it (`vehicle_id` null). */
export const deleteVehicle = (db: Database, id: string) => deleteOr404(db, vehicles, id, 'vehicle');
