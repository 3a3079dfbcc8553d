#pragma once

#include "core/base/result.h"
#include "core/billing/invoice.h"
#include "core/billing/subscription.h"

#include <QByteArray>
#include <QList>

namespace Tenantry::Billing {

// A subscription with the slug of its tenant, as lists show it.
struct SubscriptionRow {
    QString tenantSlug;
    Subscription subscription;
};

// What the console reads of billing: subscriptions, invoices and invoice documents. The seam
// between the widgets and billing's services, so the same page can show an embedded catalog
// or (later) a remote server. Implementations are thread-safe.
class BillingService
{
public:
    virtual ~BillingService() = default;

    // Every tenant's subscription, by tenant slug.
    virtual Result<QList<SubscriptionRow>> subscriptionRows() = 0;
    // Invoices and credit notes, newest first: of the tenant `tenantSlug`, or of every
    // tenant when empty. Errors: NotFound "tenant-not-found".
    virtual Result<QList<Invoice>> invoiceList(const QString &tenantSlug, int limit) = 0;
    // The invoice `idOrNumber` as PDF. Errors: NotFound "invoice-not-found", Internal
    // "pdf-render-failed".
    virtual Result<QByteArray> invoicePdf(const QString &idOrNumber) = 0;
};

} // namespace Tenantry::Billing
