import { z } from '@hono/zod-openapi';

/**
 * How a recurring expense repeats: `{"frequency": "monthly", "interval": 1, "until":
 * "2027-01-01"}` means every `interval` frequency-units from its date, until `until`
 * inclusive. The expenses routes accept only this shape; the recurring-work job reads it.
 */
export const RecurringExpensePattern = z
  .object({
    frequency: z.enum(['daily', 'weekly', 'monthly', 'yearly']),
    interval: z.number().int().min(1).max(1000).default(1),
    until: z.iso.date().nullable().optional(),
  })
  .openapi('RecurringExpensePattern');
export type RecurringExpensePattern = z.infer<typeof RecurringExpensePattern>;
