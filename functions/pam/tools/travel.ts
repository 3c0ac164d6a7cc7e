import { z } from '@hono/zod-openapi';
import { upcomingMaintenance } from '../../travel/maintenance.ts';
import { createTrip, listTrips, TripInput, TripStatus } from '../../travel/trips.ts';
import { defineTool } from './tool.ts';

export const upcomingMaintenanceTool = defineTool({
  name: 'upcoming_maintenance',
  description: "Services due on the user's vehicles within some days (overdue ones included), soonest first.",
  args: z.object({ days: z.number().int().min(1).max(3650).optional().describe('Look-ahead, default 30') }),
  run: async (db, args) => {
    const page = await upcomingMaintenance(db, args.days ?? 30, { limit: 20 });
    return {
      due: page.data.map((record) => ({
        vehicle: `${record.vehicle.make} ${record.vehicle.model}`,
        maintenance_type: record.maintenance_type,
        next_service_date: record.next_service_date,
        days_until_due: record.days_until_due,
        overdue: record.overdue,
      })),
    };
  },
});

const briefTrip = (trip: { id: string; name: string; status: string; start_date: string | null; end_date: string | null }) => ({
  id: trip.id,
  name: trip.name,
  status: trip.status,
  start_date: trip.start_date,
  end_date: trip.end_date,
});

export const listTripsTool = defineTool({
  name: 'list_trips',
  description: "The user's trips, newest first.",
  args: z.object({ status: TripStatus.optional() }),
  run: async (db, args) => {
    const page = await listTrips(db, { status: args.status, limit: 20 });
    return { trips: page.data.map(briefTrip) };
  },
});

export const createTripTool = defineTool({
  name: 'create_trip',
  description: 'Plan a trip for the user.',
  args: z.object({
    name: z.string().min(1),
    origin: z.string().optional().describe('Where from, as the user said it'),
    destination: z.string().optional().describe('Where to, as the user said it'),
    start_date: z.iso.date().optional(),
    end_date: z.iso.date().optional(),
  }),
  run: async (db, args) =>
    briefTrip(
      await createTrip(
        db,
        TripInput.parse({
          name: args.name,
          origin: args.origin ? { address: args.origin } : {},
          destination: args.destination ? { address: args.destination } : {},
          start_date: args.start_date ?? null,
          end_date: args.end_date ?? null,
        }),
      ),
    ),
});
