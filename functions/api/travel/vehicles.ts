import { listOf } from '../../database/pagination.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import {
  addVehicle,
  deleteVehicle,
  getVehicle,
  listVehicles,
  updateVehicle,
  Vehicle,
  VehicleChanges,
  VehicleFilters,
  VehicleInput,
} from '../../travel/vehicles.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Vehicles');

const primaryNote = 'Marking a vehicle `is_primary` unmarks your other vehicles: there is at most one primary vehicle.';

const list = operation({
  method: 'get',
  path: '/vehicles',
  operationId: 'listVehicles',
  oneStatement: true,
  summary: 'List your vehicles, newest first',
  request: { query: VehicleFilters },
  responses: { 200: { description: 'A page of vehicles', content: jsonContent(listOf(Vehicle, 'VehicleList')) } },
});

const create = operation({
  method: 'post',
  path: '/vehicles',
  operationId: 'addVehicle',
  summary: 'Add a vehicle',
  description: primaryNote,
  request: { body: { content: jsonContent(VehicleInput), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(Vehicle) } },
});

const get = operation({
  method: 'get',
  path: '/vehicles/{id}',
  operationId: 'getVehicle',
  oneStatement: true,
  summary: 'Get a vehicle',
  request: { params: IdParam },
  responses: { 200: { description: 'The vehicle', content: jsonContent(Vehicle) } },
});

const update = operation({
  method: 'patch',
  path: '/vehicles/{id}',
  operationId: 'updateVehicle',
  summary: 'Update a vehicle',
  description: primaryNote,
  request: { params: IdParam, body: { content: jsonContent(VehicleChanges), required: true } },
  responses: { 200: { description: 'The updated vehicle', content: jsonContent(Vehicle) } },
});

const remove = operation({
  method: 'delete',
  path: '/vehicles/{id}',
  operationId: 'deleteVehicle',
  oneStatement: true,
  summary: 'Delete a vehicle and its maintenance records',
  description: 'Trips that used the vehicle are kept; their `vehicle_id` becomes null.',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' } },
});

export const vehiclesRouter = newRouter()
  .openapi(list, async (c) => c.json(await listVehicles(c.var.db, c.req.valid('query')), 200))
  .openapi(create, async (c) => {
    const vehicle = await addVehicle(c.var.db, c.req.valid('json'));
    c.header('location', `/api/v1/vehicles/${vehicle.id}`);
    return c.json(vehicle, 201);
  })
  .openapi(get, async (c) => c.json(await getVehicle(c.var.db, c.req.valid('param').id), 200))
  .openapi(update, async (c) => c.json(await updateVehicle(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(remove, async (c) => {
    await deleteVehicle(c.var.db, c.req.valid('param').id);
    return c.body(null, 204);
  });
