#pragma once

#include "core/base/result.h"
#include "core/billing/invoice.h"

#include <QByteArray>

namespace Tenantry::Documents {

// Renders `invoice` (an invoice or a credit note) as an A4 PDF: the issuer's block, the
// customer's block with its branding (display name, logo, accent colour for the title bar
// and rules), the number, a status stamp (DRAFT / PAID / VOID / UNCOLLECTIBLE), issue and
// due dates and the period, then the line table (description, quantity, unit, unit price,
// amount) with each line's details indented under it, over as many pages as it needs with
// its header repeated, then subtotal, tax (rate as "19 %"), total, amount paid and amount
// due, and "Page N of M" in every footer. Amounts are printed from the invoice as given
// (call computeTotals() first). Text in any script the installed fonts cover renders.
// Needs a QGuiApplication (fonts); may run on any thread.
// Errors: Internal "pdf-render-failed" if the PDF could not be produced.
Result<QByteArray> renderInvoicePdf(const Billing::Invoice &invoice);

} // namespace Tenantry::Documents
