#pragma once

#include "core/billing/invoice.h"
#include "core/http/router.h"
#include "core/storage/invoiceservice.h"
#include "core/tenancy/tenantdirectory.h"

#include <functional>

namespace Tenantry::Http {

using InvoicePdfRenderer = std::function<Result<QByteArray>(const Billing::Invoice &)>;

// Invoices (admin):
//   GET  /admin/v1/invoices?tenant=&status=&limit=     newest first
//   GET  /admin/v1/invoices/{id}                       by id or number, as JSON
//   GET  /admin/v1/invoices/{id}/pdf                   as PDF (404 "pdf-unavailable" without a renderer)
//   GET  /admin/v1/invoices/{id}/payments              every collection attempt
//   POST /admin/v1/invoices/{id}/pay                   {"reference"}: paid outside the gateway
//   POST /admin/v1/invoices/{id}/collect               charge it through the gateway now
//   POST /admin/v1/invoices/{id}/void, …/uncollectible
//   POST /admin/v1/invoices/{id}/credit-notes          {"reason", "lines": [{"description", "amount"}]} → 201
//   POST /admin/v1/billing/run                         start the billing run now (202; it runs off this thread)
//   POST /admin/v1/billing/runs                        the same, watched: 202 with its id and "state" "running"
//                                                      (409 "billing-run-in-progress" while one is)
//   GET  /admin/v1/billing/runs/{id}                   its "state" ("running", "finished" with "report", "failed"
//                                                      with "error"), "stage" and "renewed" so far
//   POST /admin/v1/billing/runs/{id}/stop              stop it before its next renewal or stage (202; 200 if it ended)
// A tenant's own (tenant credentials), never another tenant's:
//   GET  /api/v1/billing/invoices, /api/v1/billing/invoices/{id}, /api/v1/billing/invoices/{id}/pdf
// A watched run that is still going when the router goes is stopped and waited for, so
// `invoices` must outlive the router.
void registerInvoiceRoutes(Router &router, Storage::InvoiceService &invoices, const TenantDirectory &directory,
                           InvoicePdfRenderer renderPdf, std::function<void()> triggerRun);

} // namespace Tenantry::Http
