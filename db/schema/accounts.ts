import { boolean, inet, pgSchema, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { calendarDate, jsonObject, now, timestamptz } from './column-types.ts';

export const authSchema = pgSchema('auth');

/** Identities (Supabase Auth's table); written only by private.begin_request. */
export const users = authSchema.table('users', {
  id: uuid().primaryKey(),
  email: text(),
  created_at: timestamptz().notNull().default(now),
  updated_at: timestamptz().notNull().default(now),
});

/** Ids of deleted accounts, so tokens issued before the deletion cannot recreate them. */
export const deletedUsers = authSchema.table('deleted_users', {
  id: uuid().primaryKey(),
  deleted_at: timestamptz().notNull().default(now),
});

export const profiles = pgTable('profiles', {
  id: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  email: text().notNull().unique(),
  full_name: text(),
  avatar_url: text(),
  bio: text(),
  phone: text(),
  date_of_birth: calendarDate(),
  location: jsonObject(),
  preferences: jsonObject().notNull().default({}),
  subscription_tier: text({ enum: ['free', 'premium', 'enterprise'] })
    .notNull()
    .default('free'),
  subscription_expires_at: timestamptz(),
  is_admin: boolean().notNull().default(false),
  is_active: boolean().notNull().default(true),
  created_at: timestamptz().notNull().default(now),
  updated_at: timestamptz().notNull().default(now),
});

export const userSessions = pgTable('user_sessions', {
  id: uuid().primaryKey().defaultRandom(),
  user_id: uuid()
    .notNull()
    .references(() => profiles.id, { onDelete: 'cascade' }),
  /** SHA-256 hex digest of the session key, never the key itself. */
  session_token: text().notNull().unique(),
  ip_address: inet(),
  user_agent: text(),
  device_info: jsonObject(),
  location: jsonObject(),
  is_active: boolean().notNull().default(true),
  expires_at: timestamptz(),
  created_at: timestamptz().notNull().default(now),
  ended_at: timestamptz(),
});

/** Written by the audit trigger only; `action` is the trigger's operation (INSERT, UPDATE, DELETE). */
export const auditLogs = pgTable('audit_logs', {
  id: uuid().primaryKey().defaultRandom(),
  user_id: uuid().references(() => profiles.id, { onDelete: 'set null' }),
  action: text().notNull(),
  table_name: text(),
  record_id: uuid(),
  old_values: jsonObject(),
  new_values: jsonObject(),
  ip_address: inet(),
  user_agent: text(),
  created_at: timestamptz().notNull().default(now),
});

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Profile = typeof profiles.$inferSelect;
export type NewProfile = typeof profiles.$inferInsert;
export type UserSession = typeof userSessions.$inferSelect;
export type NewUserSession = typeof userSessions.$inferInsert;
export type AuditLog = typeof auditLogs.$inferSelect;
export type NewAuditLog = typeof auditLogs.$inferInsert;
