// Test IPNs as Digistore24 would send them after a purchase through a PAM checkout link,
// for trying the shop loop locally: product link, purchase, attributed sale.
import { randomInt } from 'node:crypto';
import { digistore24Signature } from '../functions/digistore24/signature.ts';

export interface LocalIpn {
  /** Digistore24's product id (shop_products.digistore24_id). */
  productId: string;
  /** The PAM user the purchase is credited to: what the checkout link put into `custom`. */
  custom: string;
  event: string;
  amount: string;
  currency: string;
  /** PAM's affiliate id, as Digistore24 reports it back. */
  affiliateId?: string;
  /** An existing order, to refund or charge back what an earlier IPN paid. */
  orderId?: string;
  /** The payment a refund or chargeback reverses. */
  parentTransactionId?: string;
}

/** A product and user read from a checkout link (`/redir/<product>/<affiliate>/?custom=m:<uuid>`). */
export function purchaseFromCheckoutLink(link: string): { productId: string; affiliateId: string; custom: string } {
  const url = new URL(link);
  const match = /^\/redir\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname);
  const custom = url.searchParams.get('custom');
  if (!match || !custom) throw new Error(`Not a PAM checkout link: ${link}`);
  return { productId: decodeURIComponent(match[1]!), affiliateId: decodeURIComponent(match[2]!), custom };
}

/** The form fields of one IPN, a subset of the 173 a real one has, with the ones PAM reads. */
export function localIpnFields(ipn: LocalIpn): Record<string, string> {
  const isReversal = ipn.event === 'on_refund' || ipn.event === 'on_chargeback';
  const transactionId = String(randomInt(100_000_000, 999_999_999));
  const commission = (Number(ipn.amount) / 2).toFixed(2);
  return {
    event: ipn.event,
    ipn_version: '1.6',
    api_mode: 'test',
    order_id: ipn.orderId ?? `LOCAL${randomInt(100_000, 999_999)}`,
    order_item_id: '1',
    transaction_id: transactionId,
    transaction_type: isReversal ? ipn.event.slice('on_'.length) : 'payment',
    parent_transaction_id: isReversal ? (ipn.parentTransactionId ?? '') : '',
    product_id: ipn.productId,
    amount: isReversal ? `-${ipn.amount}` : ipn.amount,
    amount_affiliate: isReversal ? `-${commission}` : commission,
    currency: ipn.currency,
    email: 'buyer@example.com',
    buyer_email: 'buyer@example.com',
    affiliate_id: ipn.affiliateId ?? '',
    billing_type: 'single_payment',
    pay_method: 'test',
    pay_sequence_no: '1',
    order_date_time: new Date().toISOString().slice(0, 19).replace('T', ' '),
    custom: ipn.custom,
  };
}

/** The fields with the `sha_sign` Digistore24 adds, form-encoded as it posts them. */
export async function signedIpnBody(fields: Record<string, string>, passphrase: string): Promise<URLSearchParams> {
  return new URLSearchParams({ ...fields, sha_sign: await digistore24Signature(passphrase, fields) });
}
