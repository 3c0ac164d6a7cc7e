import { boolean, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { profiles } from './accounts.ts';
import { calendarDate, currentUserId, decimal, jsonObject, now, timestamptz } from './column-types.ts';

export const vehicles = pgTable('vehicles', {
  id: uuid().primaryKey().defaultRandom(),
  user_id: uuid()
    .notNull()
    .default(currentUserId)
    .references(() => profiles.id, { onDelete: 'cascade' }),
  make: text().notNull(),
  model: text().notNull(),
  year: integer().notNull(),
  license_plate: text(),
  vin: text(),
  color: text(),
  fuel_type: text({ enum: ['gasoline', 'diesel', 'electric', 'hybrid', 'other'] })
    .notNull()
    .default('gasoline'),
  fuel_efficiency: jsonObject(),
  insurance_info: jsonObject(),
  is_primary: boolean().notNull().default(false),
  is_active: boolean().notNull().default(true),
  created_at: timestamptz().notNull().default(now),
  updated_at: timestamptz().notNull().default(now),
});

export const vehicleMaintenance = pgTable('vehicle_maintenance', {
  id: uuid().primaryKey().defaultRandom(),
  vehicle_id: uuid()
    .notNull()
    .references(() => vehicles.id, { onDelete: 'cascade' }),
  maintenance_type: text().notNull(),
  description: text(),
  cost: decimal(10, 2),
  mileage: integer(),
  service_date: calendarDate().notNull(),
  next_service_date: calendarDate(),
  next_service_mileage: integer(),
  vendor: text(),
  notes: text(),
  receipt_url: text(),
  created_at: timestamptz().notNull().default(now),
});

export const trips = pgTable('trips', {
  id: uuid().primaryKey().defaultRandom(),
  user_id: uuid()
    .notNull()
    .default(currentUserId)
    .references(() => profiles.id, { onDelete: 'cascade' }),
  vehicle_id: uuid().references(() => vehicles.id, { onDelete: 'set null' }),
  name: text().notNull(),
  description: text(),
  origin: jsonObject().notNull(),
  destination: jsonObject().notNull(),
  waypoints: jsonb().$type<Record<string, unknown>[]>().notNull().default([]),
  start_date: calendarDate(),
  end_date: calendarDate(),
  estimated_distance: decimal(10, 2),
  actual_distance: decimal(10, 2),
  estimated_cost: decimal(10, 2),
  actual_cost: decimal(10, 2),
  /** Minutes. */
  estimated_duration: integer(),
  actual_duration: integer(),
  status: text({ enum: ['planned', 'in_progress', 'completed', 'cancelled'] })
    .notNull()
    .default('planned'),
  route_data: jsonObject(),
  weather_data: jsonObject(),
  created_at: timestamptz().notNull().default(now),
  updated_at: timestamptz().notNull().default(now),
});

export type Vehicle = typeof vehicles.$inferSelect;
export type NewVehicle = typeof vehicles.$inferInsert;
export type VehicleMaintenance = typeof vehicleMaintenance.$inferSelect;
export type NewVehicleMaintenance = typeof vehicleMaintenance.$inferInsert;
export type Trip = typeof trips.$inferSelect;
export type NewTrip = typeof trips.$inferInsert;
