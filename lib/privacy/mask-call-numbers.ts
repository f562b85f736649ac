import { maskPhoneNumber, showPhoneNumber } from "./mask-phone-number";

type WithNumbers = { externalNumber?: string | null; contactPhone?: string | null };

/** The call with its external party's numbers masked when `isMasked` (internal numbers are the company's own). */
export function maskCallNumbers<T extends WithNumbers>(call: T, isMasked: boolean): T {
  if (!isMasked) return call;
  const masked = { ...call };
  if (call.externalNumber !== undefined) masked.externalNumber = showPhoneNumber(call.externalNumber, true);
  if (call.contactPhone !== undefined) masked.contactPhone = showPhoneNumber(call.contactPhone, true);
  return masked;
}

/** The admin's raw view: the stored payload with the external number and contact phone masked the same way. */
export function maskRawPayloadNumbers(payload: string, isMasked: boolean): string {
  if (!isMasked) return payload;
  try {
    const record = JSON.parse(payload) as Record<string, unknown>;
    if (typeof record.external_number === "string") record.external_number = maskPhoneNumber(record.external_number);
    const contact = record.contact as Record<string, unknown> | null | undefined;
    if (contact && typeof contact.phone === "string") contact.phone = maskPhoneNumber(contact.phone);
    return JSON.stringify(record, null, 2);
  } catch {
    return "(hidden: this record could not be read to mask its numbers)";
  }
}
