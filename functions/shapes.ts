import { z } from '@hono/zod-openapi';

/** Shapes shared by several resources. */

export const Uuid = z.uuid();

export const IdParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, example: '3f1c9a4e-8a63-4c1b-9f0e-2b7d6c5a4e10' }),
});

export const Timestamp = z.string().openapi({ format: 'date-time', example: '2026-11-25T07:06:18.123Z' });

/** RFC 3339 with an explicit offset, as clients send it. */
export const TimestampInput = z.iso.datetime({ offset: true }).openapi({ format: 'date-time' });

export const DateOnly = z.iso.date().openapi({ format: 'date', example: '2026-11-25' });

export const Tags = z.array(z.string().trim().min(1).max(100)).max(50);

export const JsonObject = z.record(z.string(), z.unknown());

/**
 * Money: accepted as a string or a number with at most two decimals, always handled
 * as a decimal string, never as a float.
 */
export const MoneyInput = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const text = typeof value === 'number' ? numberToDecimal(value) : value.trim();
    if (text === null || !/^-?\d{1,10}(\.\d{1,2})?$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: 'must be a decimal amount with at most two places' });
      return z.NEVER;
    }
    return text;
  })
  .openapi({ type: 'string', example: '12.50' });

export const Money = z.string().openapi({ example: '12.50' });

function numberToDecimal(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const fixed = value.toFixed(2);
  return Number(fixed) === value ? fixed : null;
}

export const NonNegativeMoneyInput = MoneyInput.refine((v) => !v.startsWith('-'), 'must not be negative');
export const PositiveMoneyInput = MoneyInput.refine((v) => Number(v) > 0 && !v.startsWith('-'), 'must be greater than zero');

/** A boolean query parameter: only the words true and false (anything else is a 400, not a silent true). */
export const QueryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');
