import type { RouteSecurityCase } from '../route-cases.ts';

export const cases: Record<string, RouteSecurityCase> = {
  // Starts the Digistore24 product sync: administrators only.
  'POST /api/v1/admin/digistore24/sync': { adminOnly: true },
};
