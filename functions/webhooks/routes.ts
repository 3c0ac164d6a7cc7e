import type { ConnectDatabase } from '../database/connect.ts';
import { newRouter } from '../openapi.ts';
import { digistore24WebhookRouter } from './digistore24.ts';

/** Every webhook PAM receives: outside /api/v1, each authenticated by its sender's own scheme. */
export function webhooksRouter(connect: ConnectDatabase) {
  return newRouter().route('/', digistore24WebhookRouter(connect));
}
