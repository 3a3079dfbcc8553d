#pragma once

#include "core/base/result.h"
#include "core/billing/invoice.h"

#include <QJsonObject>

namespace Tenantry::Billing {

// The invoice's public and stored JSON form: snake_case keys, amounts as decimal strings in
// major units with the currency's digits ("12.30"), times as ISO-8601 UTC
// ("2026-03-01T00:00:00Z", null when 0), the logo as base64, and amount_due (total − paid),
// which is written for readers and recomputed, not read. Thread safety: pure.
// A time in billing's JSON: ISO 8601 UTC ("2026-03-01T00:00:00Z", with milliseconds only when
// there are any), null for 0 (not yet).
QJsonValue billingTimeJson(qint64 ms);
// Reads what billingTimeJson() writes (null or absent is 0); false, with `out` untouched, for
// anything else, such as a time with an offset other than Z.
bool parseBillingTime(const QJsonValue &value, qint64 *out);

QJsonObject invoiceToJson(const Invoice &invoice);

// Reads what invoiceToJson() writes back exactly (a round trip gives an equal Invoice).
// Errors: Invalid "invalid-invoice-document" naming the first bad field.
Result<Invoice> invoiceFromJson(const QJsonObject &json);

// One line alone, in the same form as in invoiceToJson() (lines waiting for an invoice are
// stored so). Errors: Invalid "invalid-invoice-document".
QJsonObject invoiceLineToJson(const InvoiceLine &line);
Result<InvoiceLine> invoiceLineFromJson(const QJsonObject &json, const Currency &currency);

} // namespace Tenantry::Billing
