import { listOf } from '../../database/pagination.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import {
  createTrip,
  deleteTrip,
  getTrip,
  listTrips,
  Trip,
  TripChanges,
  TripDetail,
  TripFilters,
  TripInput,
  updateTrip,
} from '../../travel/trips.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Trips');

const list = operation({
  method: 'get',
  path: '/trips',
  operationId: 'listTrips',
  oneStatement: true,
  summary: 'List your trips, newest first',
  description:
    '`from` and `to` select trips whose dates intersect [from, to] (both inclusive). A trip without `end_date` ' +
    'occupies its `start_date` alone (and one without `start_date` its `end_date`); a trip with neither date ' +
    'never matches a date filter.',
  request: { query: TripFilters },
  responses: { 200: { description: 'A page of trips', content: jsonContent(listOf(Trip, 'TripList')) } },
});

const create = operation({
  method: 'post',
  path: '/trips',
  operationId: 'createTrip',
  oneStatement: true,
  summary: 'Plan a trip',
  description: 'A trip may be created in any status (for example `completed`, to record one after the fact).',
  request: { body: { content: jsonContent(TripInput), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(Trip) } },
});

const get = operation({
  method: 'get',
  path: '/trips/{id}',
  operationId: 'getTrip',
  oneStatement: true,
  summary: 'Get a trip, with the total of its expenses and the number of its todos',
  request: { params: IdParam },
  responses: { 200: { description: 'The trip', content: jsonContent(TripDetail) } },
});

const update = operation({
  method: 'patch',
  path: '/trips/{id}',
  operationId: 'updateTrip',
  summary: 'Update a trip',
  description:
    'Status changes follow the trip\'s life: `planned` → `in_progress` → `completed`, and `planned` or ' +
    '`in_progress` → `cancelled`. A planned trip may also be marked `completed` directly, and an `in_progress` ' +
    'trip put back to `planned`. `completed` and `cancelled` are final: moving such a trip back to `planned` or ' +
    '`in_progress` needs `"reopen": true` in the same body, and one final status never turns into the other. ' +
    'A refused change is `409` and changes nothing.',
  request: { params: IdParam, body: { content: jsonContent(TripChanges), required: true } },
  problems: [409],
  responses: { 200: { description: 'The updated trip', content: jsonContent(Trip) } },
});

const remove = operation({
  method: 'delete',
  path: '/trips/{id}',
  operationId: 'deleteTrip',
  oneStatement: true,
  summary: 'Delete a trip',
  description: 'Expenses and todos linked to the trip are kept; their `trip_id` becomes null.',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' } },
});

export const tripsRouter = newRouter()
  .openapi(list, async (c) => c.json(await listTrips(c.var.db, c.req.valid('query')), 200))
  .openapi(create, async (c) => {
    const trip = await createTrip(c.var.db, c.req.valid('json'));
    c.header('location', `/api/v1/trips/${trip.id}`);
    return c.json(trip, 201);
  })
  .openapi(get, async (c) => c.json(await getTrip(c.var.db, c.req.valid('param').id), 200))
  .openapi(update, async (c) => c.json(await updateTrip(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(remove, async (c) => {
    await deleteTrip(c.var.db, c.req.valid('param').id);
    return c.body(null, 204);
  });
