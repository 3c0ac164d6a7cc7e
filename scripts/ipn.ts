// Sends a signed test IPN to the local Worker, as Digistore24 would after a purchase:
//   npm run ipn -- --link '<checkout_url of a product>'
//   npm run ipn -- --product 410001 --email demo@pam.local
// Options: --event on_payment|on_refund|on_chargeback|... (default on_payment), --amount,
// --currency, --order and --transaction (the order and payment a refund reverses),
// --url (default http://127.0.0.1:8787), --passphrase (default: DIGISTORE24_IPN_PASSPHRASE
// from .dev.vars, as the Worker reads it).
import { parseArgs } from 'node:util';
import { userIdForEmail } from '../db/seed.ts';
import { customFor } from '../functions/shop/checkout-link.ts';
import { readDevVars, readWranglerVars } from './dev-database.ts';
import { localIpnFields, purchaseFromCheckoutLink, signedIpnBody } from './local-ipn.ts';

const usage =
  "usage: npm run ipn -- (--link '<checkout_url>' | --product <digistore24 id> --email <user>) " +
  '[--event on_payment] [--amount 47.00] [--currency USD] [--order <order_id> --transaction <transaction_id>] ' +
  '[--url http://127.0.0.1:8787] [--passphrase <DIGISTORE24_IPN_PASSPHRASE>]';

function fail(message: string, exitCode = 2): never {
  console.error(message);
  process.exit(exitCode);
}

function parseOptions() {
  try {
    return parseArgs({
      options: {
        link: { type: 'string' },
        product: { type: 'string' },
        email: { type: 'string' },
        event: { type: 'string', default: 'on_payment' },
        amount: { type: 'string', default: '47.00' },
        currency: { type: 'string', default: 'USD' },
        order: { type: 'string' },
        transaction: { type: 'string' },
        url: { type: 'string', default: 'http://127.0.0.1:8787' },
        passphrase: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`);
  }
}

/** What the local Worker sees: .dev.vars overrides wrangler.toml [vars]; the shell only fills gaps. */
async function workerSetting(name: string): Promise<string | undefined> {
  const [devVars, wranglerVars] = await Promise.all([readDevVars(), readWranglerVars()]);
  return (devVars[name] ?? wranglerVars[name] ?? process.env[name] ?? '').trim() || undefined;
}

const options = parseOptions();
if (options.help) {
  console.log(usage);
  process.exit(0);
}
if (!/^\d+(\.\d{1,2})?$/.test(options.amount)) fail(`--amount must be like 47.00.\n${usage}`);

let purchase: { productId: string; custom: string; affiliateId?: string };
if (options.link) {
  try {
    purchase = purchaseFromCheckoutLink(options.link);
  } catch (error) {
    fail((error as Error).message);
  }
} else if (options.product && options.email) {
  purchase = {
    productId: options.product,
    custom: customFor(userIdForEmail(options.email)),
    affiliateId: await workerSetting('DIGISTORE24_AFFILIATE_ID'),
  };
} else {
  fail(`Name the purchase: --link, or --product and --email.\n${usage}`);
}

const passphrase = options.passphrase ?? (await workerSetting('DIGISTORE24_IPN_PASSPHRASE'));
if (!passphrase) fail('No DIGISTORE24_IPN_PASSPHRASE in .dev.vars; run `npm run dev` once, or pass --passphrase.');

const fields = localIpnFields({
  ...purchase,
  event: options.event,
  amount: options.amount,
  currency: options.currency,
  orderId: options.order,
  parentTransactionId: options.transaction,
});
const endpoint = new URL('/webhooks/digistore24', options.url);
let response: Response;
try {
  response = await fetch(endpoint, { method: 'POST', body: await signedIpnBody(fields, passphrase) });
} catch (error) {
  fail(`Cannot reach ${endpoint.href} (${(error as Error).message}). Is \`npm run dev\` running?`, 1);
}
const answer = (await response.text()).trim();
console.log(`${fields.event} for product ${fields.product_id}, order ${fields.order_id}, transaction ${fields.transaction_id}`);
console.log(`${endpoint.href} answered ${response.status}: ${answer.slice(0, 500)}`);
if (response.status !== 200 || !answer.startsWith('OK')) process.exit(1);
if (fields.event === 'on_payment') {
  const purchaseArgs = options.link ? `--link '${options.link}'` : `--product ${options.product} --email ${options.email}`;
  console.log(
    'The sale is listed for its buyer: curl -H "Authorization: Bearer $TOKEN" ' +
      `${new URL('/api/v1/affiliate-sales', options.url).href}\n` +
      `Refund it: npm run ipn -- ${purchaseArgs} --amount ${options.amount} --event on_refund --order ${fields.order_id} --transaction ${fields.transaction_id}`,
  );
}
