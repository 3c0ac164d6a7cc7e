import type { ApiUser, TestApi } from '../../support/app.ts';
import { created, type RouteSecurityCase } from '../route-cases.ts';

const vehicleBody = { make: 'x', model: 'x', year: 2020 };
const maintenanceBody = { maintenance_type: 'x', service_date: '2026-01-01' };
const tripBody = { name: 'x', origin: {}, destination: {} };

const ownerVehicle = (api: TestApi, owner: ApiUser) => created(api, owner, '/api/v1/vehicles', { ...vehicleBody, make: 'owner vehicle' });

/** Due tomorrow, so it would show in the owner's upcoming maintenance. */
async function ownerMaintenance(api: TestApi, owner: ApiUser) {
  const vehicle = await ownerVehicle(api, owner);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const record = await created(api, owner, `/api/v1/vehicles/${vehicle.id}/maintenance`, {
    ...maintenanceBody,
    next_service_date: tomorrow,
  });
  return { vehicle, record };
}

const ownerTrip = (api: TestApi, owner: ApiUser) => created(api, owner, '/api/v1/trips', { ...tripBody, name: 'owner trip' });

/** Products are the catalogue's, not a user's: the rows to keep hidden are the withdrawn ones. */
async function withdrawnProduct(api: TestApi): Promise<string> {
  const { rows } = await api.database.owner.query<{ id: string }>(
    `insert into public.shop_products (name, price, category, is_active, is_featured)
     values ('withdrawn product', '1.00', 'x', false, true) returning id`,
  );
  return rows[0].id;
}

async function activeProduct(api: TestApi): Promise<string> {
  const { rows } = await api.database.owner.query<{ id: string }>(
    `insert into public.shop_products (name, price, category) values ('listed product', '1.00', 'x') returning id`,
  );
  return rows[0].id;
}

async function ownerWishlistItem(api: TestApi, owner: ApiUser) {
  const productId = await activeProduct(api);
  const item = await created(api, owner, '/api/v1/wishlist', { product_id: productId, notes: 'owner wish' });
  return { productId, item };
}

async function ownerSale(api: TestApi, owner: ApiUser): Promise<string> {
  const { rows } = await api.database.owner.query<{ id: string }>(
    `insert into public.affiliate_sales (user_id, order_id, sale_amount, commission_amount)
     values ($1, $2, '10.00', '3.00') returning id`,
    [owner.id, `order-${crypto.randomUUID()}`],
  );
  return rows[0].id;
}

const rowOf = (make: (api: TestApi, owner: ApiUser) => Promise<{ id: string }>, body?: unknown): RouteSecurityCase['foreignRow'] =>
  async (api, owner) => ({ params: { id: (await make(api, owner)).id }, body });

export const cases: Record<string, RouteSecurityCase> = {
  'GET /api/v1/vehicles': { foreignList: async (api, owner) => [(await ownerVehicle(api, owner)).id] },
  'POST /api/v1/vehicles': { body: vehicleBody },
  'GET /api/v1/vehicles/{id}': { foreignRow: rowOf(ownerVehicle) },
  'PATCH /api/v1/vehicles/{id}': { body: { color: 'x' }, foreignRow: rowOf(ownerVehicle, { is_primary: true, year: 2001 }) },
  'DELETE /api/v1/vehicles/{id}': { foreignRow: rowOf(ownerVehicle) },

  'GET /api/v1/vehicles/{id}/maintenance': {
    foreignRow: async (api, owner) => ({ params: { id: (await ownerMaintenance(api, owner)).vehicle.id } }),
  },
  'POST /api/v1/vehicles/{id}/maintenance': {
    body: maintenanceBody,
    foreignRow: async (api, owner) => ({ params: { id: (await ownerVehicle(api, owner)).id }, body: maintenanceBody }),
  },
  'PATCH /api/v1/vehicles/{id}/maintenance/{record_id}': {
    body: { cost: '1.00' },
    foreignRow: async (api, owner) => {
      const { vehicle, record } = await ownerMaintenance(api, owner);
      return { params: { id: vehicle.id, record_id: record.id }, body: { cost: '0.00', next_service_date: null } };
    },
  },
  'DELETE /api/v1/vehicles/{id}/maintenance/{record_id}': {
    foreignRow: async (api, owner) => {
      const { vehicle, record } = await ownerMaintenance(api, owner);
      return { params: { id: vehicle.id, record_id: record.id } };
    },
  },
  'GET /api/v1/maintenance/upcoming': { foreignList: async (api, owner) => [(await ownerMaintenance(api, owner)).record.id] },

  'GET /api/v1/trips': { foreignList: async (api, owner) => [(await ownerTrip(api, owner)).id] },
  'POST /api/v1/trips': { body: tripBody },
  'GET /api/v1/trips/{id}': { foreignRow: rowOf(ownerTrip) },
  'PATCH /api/v1/trips/{id}': { body: { name: 'x' }, foreignRow: rowOf(ownerTrip, { status: 'cancelled', name: 'taken over' }) },
  'DELETE /api/v1/trips/{id}': { foreignRow: rowOf(ownerTrip) },

  'GET /api/v1/products': { public: true, foreignList: (api) => withdrawnProduct(api).then((id) => [id]) },
  'GET /api/v1/products/{id}': { public: true, foreignRow: async (api) => ({ params: { id: await withdrawnProduct(api) } }) },

  'GET /api/v1/wishlist': {
    foreignList: async (api, owner) => {
      const { item } = await ownerWishlistItem(api, owner);
      return [item.id];
    },
  },
  'POST /api/v1/wishlist': { body: { product_id: '00000000-0000-4000-8000-000000000000' } },
  'PATCH /api/v1/wishlist/{product_id}': {
    body: { notes: 'x' },
    foreignRow: async (api, owner) => ({
      params: { product_id: (await ownerWishlistItem(api, owner)).productId },
      body: { notes: 'taken over', priority: 99 },
    }),
  },
  'DELETE /api/v1/wishlist/{product_id}': {
    foreignRow: async (api, owner) => ({ params: { product_id: (await ownerWishlistItem(api, owner)).productId } }),
  },

  'GET /api/v1/affiliate-sales': { foreignList: async (api, owner) => [await ownerSale(api, owner)] },
};
