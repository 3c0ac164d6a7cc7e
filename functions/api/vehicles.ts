import { createRoute, z } from '@hono/zod-openapi';
import { and, eq, ne, type SQL } from 'drizzle-orm';
import { vehicles } from '../../db/schema/index.ts';
import type { Database } from '../env.ts';
import { notFound } from '../errors.ts';
import { problems } from './problems.ts';
import { bearerAuth, jsonContent, newRouter } from '../openapi.ts';
import { listOf, listPage, PageQuery } from '../database/pagination.ts';
import { IdParam, JsonObject, Timestamp, Uuid } from '../shapes.ts';

const FuelType = z.enum(['gasoline', 'diesel', 'electric', 'hybrid', 'other']);

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

/** What a client may write; ids, owner and timestamps are ignored. */
const VehicleInput = z.object({
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
});
const VehicleCreate = VehicleInput.openapi('VehicleCreate');
const VehicleUpdate = VehicleInput.partial().openapi('VehicleUpdate');

const VehicleFilters = PageQuery.extend({
  is_active: z.enum(['true', 'false']).optional().openapi({ description: 'Only active (or only retired) vehicles' }),
});

const tags = ['Vehicles'];
const security = bearerAuth;
const primaryNote = 'Marking a vehicle `is_primary` unmarks your other vehicles: there is at most one primary vehicle.';

const listVehicles = createRoute({
  method: 'get',
  path: '/vehicles',
  tags,
  security,
  summary: 'List your vehicles, newest first',
  request: { query: VehicleFilters },
  responses: {
    200: { description: 'A page of vehicles', content: jsonContent(listOf(Vehicle, 'VehicleList')) },
    ...problems(400, 401),
  },
});

const createVehicle = createRoute({
  method: 'post',
  path: '/vehicles',
  tags,
  security,
  summary: 'Add a vehicle',
  description: primaryNote,
  request: { body: { content: jsonContent(VehicleCreate), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(Vehicle) }, ...problems(400, 401, 413, 415) },
});

const getVehicle = createRoute({
  method: 'get',
  path: '/vehicles/{id}',
  tags,
  security,
  summary: 'Get a vehicle',
  request: { params: IdParam },
  responses: { 200: { description: 'The vehicle', content: jsonContent(Vehicle) }, ...problems(401, 404) },
});

const updateVehicle = createRoute({
  method: 'patch',
  path: '/vehicles/{id}',
  tags,
  security,
  summary: 'Update a vehicle',
  description: primaryNote,
  request: { params: IdParam, body: { content: jsonContent(VehicleUpdate), required: true } },
  responses: { 200: { description: 'The updated vehicle', content: jsonContent(Vehicle) }, ...problems(400, 401, 404, 413, 415) },
});

const deleteVehicle = createRoute({
  method: 'delete',
  path: '/vehicles/{id}',
  tags,
  security,
  summary: 'Delete a vehicle and its maintenance records',
  description: 'Trips that used the vehicle are kept; their `vehicle_id` becomes null.',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...problems(401, 404) },
});

/** Keeps at most one primary vehicle per user once `vehicleId` has become primary. */
async function unmarkOtherPrimaryVehicles(db: Database, vehicleId: string): Promise<void> {
  await db
    .update(vehicles)
    .set({ is_primary: false })
    .where(and(eq(vehicles.is_primary, true), ne(vehicles.id, vehicleId)));
}

function vehicleFilters(query: z.infer<typeof VehicleFilters>): (SQL | undefined)[] {
  return [query.is_active ? eq(vehicles.is_active, query.is_active === 'true') : undefined];
}

export const vehiclesRouter = newRouter()
  .openapi(listVehicles, async (c) => {
    const query = c.req.valid('query');
    return c.json(await listPage(c.var.db, vehicles, vehicleFilters(query), query), 200);
  })
  .openapi(createVehicle, async (c) => {
    const [vehicle] = await c.var.db.insert(vehicles).values(c.req.valid('json')).returning();
    if (vehicle.is_primary) await unmarkOtherPrimaryVehicles(c.var.db, vehicle.id);
    c.header('location', `/api/v1/vehicles/${vehicle.id}`);
    return c.json(vehicle, 201);
  })
  .openapi(getVehicle, async (c) => {
    const [vehicle] = await c.var.db.select().from(vehicles).where(eq(vehicles.id, c.req.valid('param').id));
    if (!vehicle) throw notFound('vehicle');
    return c.json(vehicle, 200);
  })
  .openapi(updateVehicle, async (c) => {
    const changes = c.req.valid('json');
    const { id } = c.req.valid('param');
    const [vehicle] =
      Object.keys(changes).length > 0
        ? await c.var.db.update(vehicles).set(changes).where(eq(vehicles.id, id)).returning()
        : await c.var.db.select().from(vehicles).where(eq(vehicles.id, id));
    if (!vehicle) throw notFound('vehicle');
    if (changes.is_primary) await unmarkOtherPrimaryVehicles(c.var.db, vehicle.id);
    return c.json(vehicle, 200);
  })
  .openapi(deleteVehicle, async (c) => {
    const deleted = await c.var.db
      .delete(vehicles)
      .where(eq(vehicles.id, c.req.valid('param').id))
      .returning({ id: vehicles.id });
    if (deleted.length === 0) throw notFound('vehicle');
    return c.body(null, 204);
  });
