import { z } from '@hono/zod-openapi';
import { and, asc, eq, isNotNull, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { vehicleMaintenance, vehicles } from '../../db/schema/index.ts';
import { decodeKeysetCursor, encodeKeysetCursor, exactTimestamp, keyPart } from '../database/keyset-cursor.ts';
import { type Page, pageOf, PageQuery } from '../database/pagination.ts';
import { deleteOr404, updateOr404 } from '../database/rows.ts';
import { selectRowsUnder } from '../database/table-rows.ts';
import type { Database } from '../database/types.ts';
import { notFound } from '../errors.ts';
import { DateOnly, Money, NonNegativeMoneyInput, Timestamp, Uuid } from '../shapes.ts';
import { getVehicle } from './vehicles.ts';

/**
 * The maintenance log of each vehicle, and what is due next. A record belongs to its
 * vehicle: whoever can see the vehicle (its policy decides) can see its log.
 */

export const MaintenanceRecord = z
  .object({
    id: Uuid,
    vehicle_id: Uuid,
    maintenance_type: z.string().openapi({ example: 'oil_change' }),
    description: z.string().nullable(),
    cost: Money.nullable(),
    mileage: z.number().int().nullable(),
    service_date: DateOnly,
    next_service_date: DateOnly.nullable(),
    next_service_mileage: z.number().int().nullable(),
    vendor: z.string().nullable(),
    notes: z.string().nullable(),
    receipt_url: z.string().nullable(),
    created_at: Timestamp,
  })
  .openapi('MaintenanceRecord');
export type MaintenanceRecord = typeof vehicleMaintenance.$inferSelect;

const Count = z.number().int().min(0).max(2_147_483_647);

/** What a caller may write; the vehicle is named separately, ids and timestamps are not accepted and are ignored. */
export const MaintenanceInput = z
  .object({
    maintenance_type: z.string().trim().min(1).max(100).openapi({ example: 'oil_change' }),
    description: z.string().max(10_000).nullable().optional(),
    cost: NonNegativeMoneyInput.nullable().optional(),
    mileage: Count.nullable().optional(),
    service_date: DateOnly,
    next_service_date: DateOnly.nullable().optional(),
    next_service_mileage: Count.nullable().optional(),
    vendor: z.string().trim().max(200).nullable().optional(),
    notes: z.string().max(10_000).nullable().optional(),
    receipt_url: z.url({ protocol: /^https?$/ }).max(2000).nullable().optional(),
  })
  .openapi('MaintenanceCreate');
export type MaintenanceInput = z.infer<typeof MaintenanceInput>;

export const MaintenanceChanges = MaintenanceInput.partial().openapi('MaintenanceUpdate');
export type MaintenanceChanges = z.infer<typeof MaintenanceChanges>;

export const UpcomingMaintenance = MaintenanceRecord.extend({
  vehicle: z.object({ id: Uuid, make: z.string(), model: z.string(), license_plate: z.string().nullable() }),
  overdue: z.boolean().openapi({ description: '`next_service_date` is before today (UTC)' }),
  days_until_due: z.number().int().openapi({ description: 'Days from today (UTC) to `next_service_date`; negative when overdue' }),
}).openapi('UpcomingMaintenance');
export type UpcomingMaintenance = z.infer<typeof UpcomingMaintenance>;

export const UpcomingMaintenanceQuery = PageQuery.extend({
  days: z.coerce.number().int().min(1).max(3650).default(30).openapi({ description: 'Look-ahead in days, 1-3650 (default 30)' }),
});
export type UpcomingMaintenanceQuery = z.infer<typeof UpcomingMaintenanceQuery>;

const firstPage: PageQuery = PageQuery.parse({});

const ofVehicle = (vehicleId: string) => eq(vehicleMaintenance.vehicle_id, vehicleId);

/**
 * A vehicle's log, most recent service first (by `service_date`, then `created_at`), a
 * page at a time; 404 unless the caller can see the vehicle.
 */
export async function listMaintenance(db: Database, vehicleId: string, page: PageQuery = firstPage): Promise<Page<MaintenanceRecord>> {
  const m = vehicleMaintenance;
  const after = page.cursor ? decodeKeysetCursor(page.cursor, [keyPart.date, keyPart.timestamp, keyPart.uuid]) : null;
  const afterCursor = after
    ? sql`(${m.service_date}, ${m.created_at}, ${m.id}) < (${after[0]}::date, ${after[1]}::timestamptz, ${after[2]}::uuid)`
    : undefined;
  const rows = await selectRowsUnder<MaintenanceRecord>(db, m, { table: vehicles, id: vehicleId }, {
    on: and(ofVehicle(vehicleId), afterCursor)!,
    extra: sql`${exactTimestamp(m.created_at)} as "page position"`,
    rest: sql`order by ${m.service_date} desc, ${m.created_at} desc, ${m.id} desc limit ${page.limit + 1}`,
    key: m.id,
  });
  if (!rows) throw notFound('vehicle');
  return pageOf(
    rows,
    page.limit,
    (r) => r.row,
    (r) => [r.row.service_date, r.raw['page position'] as string, r.row.id],
  );
}

/** Records a service of the vehicle; 404 unless the caller can see the vehicle. */
export async function logMaintenance(db: Database, vehicleId: string, input: MaintenanceInput): Promise<MaintenanceRecord> {
  await getVehicle(db, vehicleId);
  const [record] = await db
    .insert(vehicleMaintenance)
    .values({ ...input, vehicle_id: vehicleId })
    .returning();
  return record;
}

/** A record is found only under its own vehicle. */
export const updateMaintenance = (db: Database, vehicleId: string, id: string, changes: MaintenanceChanges) =>
  updateOr404(db, vehicleMaintenance, id, changes, 'maintenance record', ofVehicle(vehicleId));

export const deleteMaintenance = (db: Database, vehicleId: string, id: string) =>
  deleteOr404(db, vehicleMaintenance, id, 'maintenance record', ofVehicle(vehicleId));

const todayUtc = sql`(now() at time zone 'UTC')::date`;

/**
 * Services due on or before today (UTC) plus `days`, overdue ones included, across the
 * caller's active vehicles, soonest first (by `next_service_date`, then `id`). Only the
 * latest record of each type (compared case-insensitively) per vehicle counts: once a
 * service has been logged again, the older record's due date no longer applies.
 */
export async function upcomingMaintenance(db: Database, days: number, page: PageQuery = firstPage): Promise<Page<UpcomingMaintenance>> {
  const m = vehicleMaintenance;
  const later = alias(vehicleMaintenance, 'later');
  const after = page.cursor ? decodeKeysetCursor(page.cursor, [keyPart.date, keyPart.uuid]) : null;
  const supersededByLaterService = db
    .select({ id: later.id })
    .from(later)
    .where(
      and(
        eq(later.vehicle_id, m.vehicle_id),
        sql`lower(${later.maintenance_type}) = lower(${m.maintenance_type})`,
        sql`(${later.service_date}, ${later.created_at}, ${later.id}) > (${m.service_date}, ${m.created_at}, ${m.id})`,
      ),
    );
  const rows = await db
    .select({
      record: m,
      vehicle: { id: vehicles.id, make: vehicles.make, model: vehicles.model, license_plate: vehicles.license_plate },
      days_until_due: sql<number>`(${m.next_service_date} - ${todayUtc})::int`,
    })
    .from(m)
    .innerJoin(vehicles, eq(vehicles.id, m.vehicle_id))
    .where(
      and(
        eq(vehicles.is_active, true),
        isNotNull(m.next_service_date),
        sql`${m.next_service_date} <= ${todayUtc} + ${days}::int`,
        notExists(supersededByLaterService),
        after ? sql`(${m.next_service_date}, ${m.id}) > (${after[0]}::date, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(m.next_service_date), asc(m.id))
    .limit(page.limit + 1);
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map((row) => ({
      ...row.record,
      vehicle: row.vehicle,
      overdue: row.days_until_due < 0,
      days_until_due: row.days_until_due,
    })),
    next_cursor: rows.length > page.limit && last ? encodeKeysetCursor([last.record.next_service_date!, last.record.id]) : null,
  };
}
