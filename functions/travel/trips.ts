import { z } from '@hono/zod-openapi';
import { eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { trips } from '../../db/schema/index.ts';
import { listPage, PageQuery } from '../database/pagination.ts';
import { deleteOr404, insertOne, updateOr404 } from '../database/rows.ts';
import type { Database } from '../database/types.ts';
import { ApiError, notFound } from '../errors.ts';
import { DateOnly, JsonObject, Money, NonNegativeMoneyInput, Timestamp, Uuid } from '../shapes.ts';

/** A user's trips. Every function runs under the caller's claims: the policies decide whose rows these are. */

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
export type Trip = typeof trips.$inferSelect;

export const TripDetail = Trip.extend({
  expense_total: Money.openapi({ description: 'Sum of the expenses linked to this trip' }),
  todo_count: z.number().int().openapi({ description: 'Number of todos linked to this trip' }),
}).openapi('TripDetail');
export type TripDetail = Trip & { expense_total: string; todo_count: number };

const Minutes = z.number().int().min(0).max(2_147_483_647);

/** What a caller may write; ids, owner and timestamps are not accepted and are ignored. */
const TripFields = z.object({
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

export const TripInput = TripFields.refine(datesInOrder, datesInOrderIssue).openapi('TripCreate');
export type TripInput = z.infer<typeof TripInput>;

export const TripChanges = TripFields.partial()
  .extend({
    reopen: z
      .boolean()
      .optional()
      .openapi({ description: 'Required (true) to move a completed or cancelled trip back to planned or in_progress' }),
  })
  .refine(datesInOrder, datesInOrderIssue)
  .openapi('TripUpdate');
export type TripChanges = z.infer<typeof TripChanges>;

export const TripFilters = PageQuery.extend({
  status: TripStatus.optional(),
  from: DateOnly.optional().openapi({ description: 'Trips that end on or after this date' }),
  to: DateOnly.optional().openapi({ description: 'Trips that start on or before this date' }),
  vehicle_id: Uuid.optional(),
}).refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
  message: 'must not be before from',
  path: ['to'],
});
export type TripFilters = z.infer<typeof TripFilters>;

const finalStatuses: ReadonlySet<TripStatus> = new Set(['completed', 'cancelled']);

/** Moves allowed without `reopen`, from each status that is not final. */
const forwardMoves: Record<'planned' | 'in_progress', ReadonlySet<TripStatus>> = {
  planned: new Set(['in_progress', 'completed', 'cancelled']),
  in_progress: new Set(['planned', 'completed', 'cancelled']),
};

/**
 * The one rule for trip status changes: `planned` → `in_progress` → `completed`, and
 * `planned` or `in_progress` → `cancelled`; a planned trip may be completed directly and
 * an `in_progress` one put back to `planned`. `completed` and `cancelled` are final: only
 * `reopen` moves them back to `planned` or `in_progress`, and one never becomes the other.
 * Throws a 409 for a change the trip's current status does not allow.
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

function tripConditions(filters: TripFilters): (SQL | undefined)[] {
  return [
    filters.status ? eq(trips.status, filters.status) : undefined,
    filters.vehicle_id ? eq(trips.vehicle_id, filters.vehicle_id) : undefined,
    filters.from ? sql`${tripEnds} >= ${filters.from}::date` : undefined,
    filters.to ? sql`${tripStarts} <= ${filters.to}::date` : undefined,
  ];
}

/**
 * Newest first, a page at a time. `from` and `to` select trips whose dates intersect
 * [from, to]; a trip with neither date never matches a date filter.
 */
export const listTrips = (db: Database, filters: TripFilters) => listPage(db, trips, tripConditions(filters), filters);

/** A trip may be created in any status (`completed`, to record one after the fact). */
export const createTrip = (db: Database, input: TripInput) => insertOne(db, trips, input);

// Spelled out rather than built from columns: drizzle leaves column names unqualified in a
// single-table select, and inside these subqueries "id" would name the expense or todo.
const linkedExpenseTotal = sql<string>`(select coalesce(sum(e.amount), 0)::numeric(14, 2)::text
                                          from public.expenses e where e.trip_id = "trips"."id")`;
const linkedTodoCount = sql<number>`(select count(*)::int from public.todos t where t.trip_id = "trips"."id")`;

/** The trip with the total of its expenses and the number of its todos. */
export async function getTrip(db: Database, id: string): Promise<TripDetail> {
  const [trip] = await db
    .select({ ...getTableColumns(trips), expense_total: linkedExpenseTotal, todo_count: linkedTodoCount })
    .from(trips)
    .where(eq(trips.id, id));
  if (!trip) throw notFound('trip');
  return trip;
}

/** Locks the trip so that the status rule is checked against the status the update replaces. */
async function currentTripStatus(db: Database, id: string): Promise<TripStatus> {
  const [trip] = await db.select({ status: trips.status }).from(trips).where(eq(trips.id, id)).for('update');
  if (!trip) throw notFound('trip');
  return trip.status;
}

/**
 * Applies `changes`; a status change must pass the status rule (`assertTripStatusChange`),
 * with `reopen` to move a finished trip back. A refused change is a 409 and changes nothing.
 */
export async function updateTrip(db: Database, id: string, { reopen = false, ...changes }: TripChanges): Promise<Trip> {
  if (changes.status) assertTripStatusChange(await currentTripStatus(db, id), changes.status, reopen);
  return updateOr404(db, trips, id, changes, 'trip');
}

/** Expenses and todos linked to the trip are kept; their `trip_id` becomes null. */
export const deleteTrip = (db: Database, id: string) => deleteOr404(db, trips, id, 'trip');
