import { z } from '@hono/zod-openapi';
import { listOf, PageQuery } from '../../database/pagination.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { Uuid } from '../../shapes.ts';
import {
  deleteMaintenance,
  listMaintenance,
  logMaintenance,
  MaintenanceChanges,
  MaintenanceInput,
  MaintenanceRecord,
  UpcomingMaintenance,
  upcomingMaintenance,
  UpcomingMaintenanceQuery,
  updateMaintenance,
} from '../../travel/maintenance.ts';
import { operationsOf } from '../operation.ts';

const VehicleParam = z.object({ id: Uuid.openapi({ param: { name: 'id', in: 'path' } }) });
const RecordParams = VehicleParam.extend({ record_id: Uuid.openapi({ param: { name: 'record_id', in: 'path' } }) });

const operation = operationsOf('Vehicles');

const list = operation({
  method: 'get',
  path: '/vehicles/{id}/maintenance',
  operationId: 'listMaintenance',
  oneStatement: true,
  summary: "A vehicle's maintenance log, most recent service first",
  description: 'Ordered by `service_date`, then `created_at`, newest first.',
  request: { params: VehicleParam, query: PageQuery },
  responses: {
    200: { description: 'A page of maintenance records', content: jsonContent(listOf(MaintenanceRecord, 'MaintenanceRecordList')) },
  },
});

const create = operation({
  method: 'post',
  path: '/vehicles/{id}/maintenance',
  operationId: 'logMaintenance',
  summary: 'Log maintenance of a vehicle',
  request: { params: VehicleParam, body: { content: jsonContent(MaintenanceInput), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(MaintenanceRecord) } },
});

const update = operation({
  method: 'patch',
  path: '/vehicles/{id}/maintenance/{record_id}',
  operationId: 'updateMaintenance',
  oneStatement: true,
  summary: 'Update a maintenance record',
  request: { params: RecordParams, body: { content: jsonContent(MaintenanceChanges), required: true } },
  responses: { 200: { description: 'The updated record', content: jsonContent(MaintenanceRecord) } },
});

const remove = operation({
  method: 'delete',
  path: '/vehicles/{id}/maintenance/{record_id}',
  operationId: 'deleteMaintenance',
  oneStatement: true,
  summary: 'Delete a maintenance record',
  request: { params: RecordParams },
  responses: { 204: { description: 'Deleted' } },
});

const upcoming = operation({
  method: 'get',
  path: '/maintenance/upcoming',
  operationId: 'upcomingMaintenance',
  oneStatement: true,
  summary: 'Maintenance due within `days`, soonest first',
  description:
    'Records whose `next_service_date` falls on or before today (UTC) plus `days`, across your active vehicles, ' +
    'ordered by `next_service_date` (then `id`). Services already overdue are included and flagged `overdue: true`. ' +
    'Only the latest record of each `maintenance_type` (compared case-insensitively) per vehicle counts: once a ' +
    'service has been logged again, the older record\'s due date no longer applies. Vehicles with `is_active: false` are left out.',
  request: { query: UpcomingMaintenanceQuery },
  responses: {
    200: { description: 'A page of due maintenance', content: jsonContent(listOf(UpcomingMaintenance, 'UpcomingMaintenanceList')) },
  },
});

export const maintenanceRouter = newRouter()
  .openapi(list, async (c) => c.json(await listMaintenance(c.var.db, c.req.valid('param').id, c.req.valid('query')), 200))
  .openapi(create, async (c) => {
    const { id } = c.req.valid('param');
    const record = await logMaintenance(c.var.db, id, c.req.valid('json'));
    c.header('location', `/api/v1/vehicles/${id}/maintenance/${record.id}`);
    return c.json(record, 201);
  })
  .openapi(update, async (c) => {
    const { id, record_id } = c.req.valid('param');
    return c.json(await updateMaintenance(c.var.db, id, record_id, c.req.valid('json')), 200);
  })
  .openapi(remove, async (c) => {
    const { id, record_id } = c.req.valid('param');
    await deleteMaintenance(c.var.db, id, record_id);
    return c.body(null, 204);
  })
  .openapi(upcoming, async (c) => {
    const query = c.req.valid('query');
    return c.json(await upcomingMaintenance(c.var.db, query.days, query), 200);
  });
