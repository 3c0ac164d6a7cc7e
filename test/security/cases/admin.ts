import type { RouteSecurityCase } from '../route-cases.ts';

/** Administration: everyone but an administrator gets 403, checked by the suite for each `adminOnly` route. */
export const cases: Record<string, RouteSecurityCase> = {
  'GET /api/v1/admin/settings': { adminOnly: true },
  'GET /api/v1/admin/settings/{key}': { adminOnly: true },
  'PUT /api/v1/admin/settings/{key}': { adminOnly: true, body: { setting_value: { enabled: false } } },
  'GET /api/v1/admin/audit-logs': { adminOnly: true },
  'GET /api/v1/admin/digistore24/sync-logs': { adminOnly: true },
  'GET /api/v1/admin/digistore24/webhook-logs': { adminOnly: true },
  'GET /api/v1/admin/products': { adminOnly: true },
  'POST /api/v1/admin/products': { adminOnly: true, body: { name: 'Planted product', price: '1.00', category: 'misc' } },
  'GET /api/v1/admin/products/{id}': { adminOnly: true },
  'PATCH /api/v1/admin/products/{id}': { adminOnly: true, body: { price: '0.00' } },
  'DELETE /api/v1/admin/products/{id}': { adminOnly: true },
};
