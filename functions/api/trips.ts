import { createRoute, z } from '@hono/zod-openapi';
import { eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { trips } from '../../db/schema/index.ts';
import type { Database } from '../env.ts';
import { ApiError, notFound } from '../errors.ts';
import { problems } from './problems.ts';
import { bearerAuth, jsonContent, newRouter } from '../openapi.ts';
import { listOf, listPage, PageQuery } from '../database/pagination.ts';
import { DateOnly, IdParam, JsonObject, Money, NonNegativeMoneyInput, Timestamp, Uuid } from '../shapes.ts';

export const TripStatus = z.enum(['planned', 'in_progress', 'completed', 'cancelled']);
export type TripStatus = z.infer<typeof TripStatus>;

const Place = JsonObject.openapi({ description: '{ address, coordinates, place_id }' });

export const Trip = z
  .object({
    id: Uuid,
    user_id: Uuid,
    vehicle_id: Uuid.nullable(),
    name: z.string(),
    description: z.string().nullable(),
    origin: Place,
    destination: Place,
    waypoints: z.array(JsonObject),
    start_date: DateOnly.nullable(),
    end_date: DateOnly.nullable(),
    estimated_distance: Money.nullable(),
    actual_distance: Money.nullable(),
    estimated_cost: Money.nullable(),
    actual_cost: Money.nullable(),
    estimated_duration: z.number().int().nullable().openapi({ description: 'Minutes' }),
    actual_duration: z.number().int().nullable().openapi({ description: 'Minutes' }),
    status: TripStatus,
    route_data: JsonObject.nullable(),
    weather_data: JsonObject.nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Trip');

const TripDetail = Trip.extend({
  expense_total: Money.openapi({ description: 'Sum of the expenses linked to this trip' }),
  todo_count: z.number().int().openapi({ description: 'Number of todos linked to this trip' }),
}).openapi('TripDetail');

const Minutes = z.number().int().min(0).max(2_147_483_647);

/** What a client may write; ids, owner and timestamps are ignored. */
const TripInput = z.object({
  vehicle_id: Uuid.nullable().optional(),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(10_000).nullable().optional(),
  origin: Place,
  destination: Place,
  waypoints: z.array(JsonObject).max(100).optional(),
  start_date: DateOnly.nullable().optional(),
  end_date: DateOnly.nullable().optional(),
  estimated_distance: NonNegativeMoneyInput.nullable().optional(),
  actual_distance: NonNegativeMoneyInput.nullable().optional(),
  estimated_cost: NonNegativeMoneyInput.nullable().optional(),
  actual_cost: NonNegativeMoneyInput.nullable().optional(),
  estimated_duration: Minutes.nullable().optional(),
  actual_duration: Minutes.nullable().optional(),
  status: TripStatus.optional(),
  route_data: JsonObject.nullable().optional(),
  weather_data: JsonObject.nullable().optional(),
});

/** When both dates are sent they must be in order; a single date is checked by the database against the stored one. */
const datesInOrder = (trip: { start_date?: string | null; end_date?: string | null }) =>
  !trip.start_date || !trip.end_date || trip.end_date >= trip.start_date;
const datesInOrderIssue = { message: 'must not be before start_date', path: ['end_date'] };

const TripCreate = TripInput.refine(datesInOrder, datesInOrderIssue).openapi('TripCreate');
const TripUpdate = TripInput.partial()
  .extend({
    reopen: z
      .boolean()
      .optional()
      .openapi({ description: 'Required (true) to move a completed or cancelled trip back to planned or in_progress' }),
  })
  .refine(datesInOrder, datesInOrderIssue)
  .openapi('TripUpdate');

const TripFilters = PageQuery.extend({
  status: TripStatus.optional(),
  from: DateOnly.optional().openapi({ description: 'Trips that end on or after this date' }),
  to: DateOnly.optional().openapi({ description: 'Trips that start on or before this date' }),
  vehicle_id: Uuid.optional(),
}).refine((query) => !query.from || !query.to || query.from <= query.to, {
  message: 'must not be before from',
  path: ['to'],
});

const tags = ['Trips'];
const security = bearerAuth;

const listTrips = createRoute({
  method: 'get',
  path: '/trips',
  tags,
  security,
  summary: 'List your trips, newest first',
  description:
    '`from` and `to` select trips whose dates intersect [from, to] (both inclusive). A trip without `end_date` ' +
    'occupies its `start_date` alone (and one without `start_date` its `end_date`); a trip with neither date ' +
    'never matches a date filter.',
  request: { query: TripFilters },
  responses: {
    200: { description: 'A page of trips', content: jsonContent(listOf(Trip, 'TripList')) },
    ...problems(400, 401),
  },
});

const createTrip = createRoute({
  method: 'post',
  path: '/trips',
  tags,
  security,
  summary: 'Plan a trip',
  description: 'A trip may be created in any status (for example `completed`, to record one after the fact).',
  request: { body: { content: jsonContent(TripCreate), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(Trip) }, ...problems(400, 401, 413, 415) },
});

const getTrip = createRoute({
  method: 'get',
  path: '/trips/{id}',
  tags,
  security,
  summary: 'Get a trip, with the total of its expenses and the number of its todos',
  request: { params: IdParam },
  responses: { 200: { description: 'The trip', content: jsonContent(TripDetail) }, ...problems(401, 404) },
});

const updateTrip = createRoute({
  method: 'patch',
  path: '/trips/{id}',
  tags,
  security,
  summary: 'Update a trip',
  description:
    'Status changes follow the trip\'s life: `planned` → `in_progress` → `completed`, and `planned` or ' +
    '`in_progress` → `cancelled`. A planned trip may also be marked `completed` directly, and an `in_progress` ' +
    'trip put back to `planned`. `completed` and `cancelled` are final: moving such a trip back to `planned` or ' +
    '`in_progress` needs `"reopen": true` in the same body, and one final status never turns into the other. ' +
    'A refused change is `409` and changes nothing.',
  request: { params: IdParam, body: { content: jsonContent(TripUpdate), required: true } },
  responses: {
    200: { description: 'The updated trip', content: jsonContent(Trip) },
    ...problems(400, 401, 404, 409, 413, 415),
  },
});

const deleteTrip = createRoute({
  method: 'delete',
  path: '/trips/{id}',
  tags,
  security,
  summary: 'Delete a trip',
  description: 'Expenses and todos linked to the trip are kept; their `trip_id` becomes null.',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...problems(401, 404) },
});

const finalStatuses: ReadonlySet<TripStatus> = new Set(['completed', 'cancelled']);

/** Moves allowed without `reopen`, from each status that is not final. */
const forwardMoves: Record<'planned' | 'in_progress', ReadonlySet<TripStatus>> = {
  planned: new Set(['in_progress', 'completed', 'cancelled']),
  in_progress: new Set(['planned', 'completed', 'cancelled']),
};

/**
 * The one rule for trip status changes (described on PATCH /trips/{id}). Throws a 409
 * for a change the trip's current status does not allow.
 */
export function assertTripStatusChange(from: TripStatus, to: TripStatus, reopen: boolean): void {
  if (from === to) return;
  if (finalStatuses.has(from)) {
    if (finalStatuses.has(to)) {
      throw new ApiError('conflict', `A ${from} trip cannot become ${to}.`);
    }
    if (!reopen) {
      throw new ApiError('conflict', `The trip is ${from}. Send "reopen": true to move it back to ${to}.`);
    }
    return;
  }
  if (!forwardMoves[from as 'planned' | 'in_progress'].has(to)) {
    throw new ApiError('conflict', `A ${from} trip cannot become ${to}.`);
  }
}

/** A trip's dates as a range: a missing end is its start, a missing start is its end. */
const tripStarts = sql`coalesce(${trips.start_date}, ${trips.end_date})`;
const tripEnds = sql`coalesce(${trips.end_date}, ${trips.start_date})`;

function tripFilters(query: z.infer<typeof TripFilters>): (SQL | undefined)[] {
  return [
    query.status ? eq(trips.status, query.status) : undefined,
    query.vehicle_id ? eq(trips.vehicle_id, query.vehicle_id) : undefined,
    query.from ? sql`${tripEnds} >= ${query.from}::date` : undefined,
    query.to ? sql`${tripStarts} <= ${query.to}::date` : undefined,
  ];
}

// Spelled out rather than built from columns: drizzle leaves column names unqualified in a
// single-table select, and inside these subqueries "id" would name the expense or todo.
const linkedExpenseTotal = sql<string>`(select coalesce(sum(e.amount), 0)::numeric(14, 2)::text
                                          from public.expenses e where e.trip_id = "trips"."id")`;
const linkedTodoCount = sql<number>`(select count(*)::int from public.todos t where t.trip_id = "trips"."id")`;

async function tripWithTotals(db: Database, id: string) {
  const [trip] = await db
    .select({ ...getTableColumns(trips), expense_total: linkedExpenseTotal, todo_count: linkedTodoCount })
    .from(trips)
    .where(eq(trips.id, id));
  return trip;
}

/** Locks the trip so that the status rule is checked against the status the update replaces. */
async function currentTripStatus(db: Database, id: string): Promise<TripStatus> {
  const [trip] = await db.select({ status: trips.status }).from(trips).where(eq(trips.id, id)).for('update');
  if (!trip) throw notFound('trip');
  return trip.status;
}

export const tripsRouter = newRouter()
  .openapi(listTrips, async (c) => {
    const query = c.req.valid('query');
    return c.json(await listPage(c.var.db, trips, tripFilters(query), query), 200);
  })
  .openapi(createTrip, async (c) => {
    const [trip] = await c.var.db.insert(trips).values(c.req.valid('json')).returning();
    c.header('location', `/api/v1/trips/${trip.id}`);
    return c.json(trip, 201);
  })
  .openapi(getTrip, async (c) => {
    const trip = await tripWithTotals(c.var.db, c.req.valid('param').id);
    if (!trip) throw notFound('trip');
    return c.json(trip, 200);
  })
  .openapi(updateTrip, async (c) => {
    const { reopen = false, ...changes } = c.req.valid('json');
    const { id } = c.req.valid('param');
    if (changes.status) assertTripStatusChange(await currentTripStatus(c.var.db, id), changes.status, reopen);
    const [trip] =
      Object.keys(changes).length > 0
        ? await c.var.db.update(trips).set(changes).where(eq(trips.id, id)).returning()
        : await c.var.db.select().from(trips).where(eq(trips.id, id));
    if (!trip) throw notFound('trip');
    return c.json(trip, 200);
  })
  .openapi(deleteTrip, async (c) => {
    const deleted = await c.var.db.delete(trips).where(eq(trips.id, c.req.valid('param').id)).returning({ id: trips.id });
    if (deleted.length === 0) throw notFound('trip');
    return c.body(null, 204);
  });
