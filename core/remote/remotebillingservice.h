#pragma once

#include "core/billing/billingservice.h"
#include "core/remote/adminclient.h"

#include <chrono>

namespace Tenantry::Remote {

// The console's billing over a remote `tenantry serve`: every call is one or a few admin API
// requests through `client`, which must outlive this. Errors are the server's own (the same
// codes as the local service) or the client's "server-unreachable" / "server-timeout"; an
// answer this console cannot read is Internal "unexpected-response". Thread-safe: it keeps no
// state of its own.
//
// Where it differs from the local service:
// - invoiceList() gives what the server's invoice list gives, the summary of each invoice
//   (Storage::invoiceSummaryFromJson()): no lines, parties or tax; at most 1000.
// - changePlan() is audited on the server as "admin:<actor id>" (the operator the request
//   names; the server ignores an id it cannot take, and then records "admin").
class RemoteBillingService final : public Billing::BillingService
{
public:
    // `pollInterval`: how often runBilling() asks the server how its run is going.
    explicit RemoteBillingService(AdminClient &client,
                                  std::chrono::milliseconds pollInterval = std::chrono::milliseconds(250));

    Result<QList<Billing::SubscriptionRow>> subscriptionRows() override;
    Result<QList<Billing::Invoice>> invoiceList(const QString &tenantSlug, int limit) override;
    Result<QByteArray> invoicePdf(const QString &idOrNumber) override;
    // The plans with a price, from GET /admin/v1/plans and each plan's pricing: one request
    // per plan. A plan removed meanwhile is left out.
    Result<QList<Billing::PlanOffer>> planOffers() override;
    Result<Billing::PlanChangeQuote> previewPlanChange(const QString &tenantSlug,
                                                       const Billing::PlanChangeRequest &request) override;
    Result<Billing::PlanChangeQuote> changePlan(const Actor &actor, const QString &tenantSlug,
                                                const Billing::PlanChangeRequest &request) override;

    // Starts a watched run on the server (POST /admin/v1/billing/runs) and follows it to its
    // end, so the report is the server's own. `control.progress` sees each stage the server
    // reports (a poll may miss a short one); `control.stop` is asked every poll and, when
    // true, the server is asked to stop, which it does before its next renewal or stage, as a
    // local run does (a payment already sent completes first). Errors: Conflict
    // "billing-run-in-progress" when another watched run is going on the server, the run's
    // own error, and when the server cannot be followed to the end (unreachable, restarted) the
    // client's error with a message saying the run may still be going on the server.
    Result<Billing::BillingRunReport> runBilling(const Billing::BillingRunControl &control) override;

private:
    AdminClient &m_client;
    const std::chrono::milliseconds m_pollInterval;
};

} // namespace Tenantry::Remote
