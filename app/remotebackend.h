#pragma once

#include "core/base/clock.h"
#include "core/remote/adminclient.h"
#include "widgets/alerts/quotaalertfeed.h"
#include "widgets/quotas/usagesource.h"

#include <memory>

namespace Tenantry {
class TenantService;
}

namespace Tenantry::Observe {
class AuditTrail;
}

namespace Tenantry::Billing {
class BillingService;
}

namespace Tenantry::Remote {
class RemoteAuditTrail;
class RemoteMetrics;
class RemoteBillingService;
class RemoteQuotaService;
class RemoteTenantService;
}

namespace Tenantry::Quota {
class QuotaService;
}

namespace Tenantry::App {

// Everything the console's pages read and do, served by a remote `tenantry serve` through its
// admin API instead of a catalog the console opens itself: the remote implementations of the
// core's services, plus the console's usage and quota-alert sources over the same client.
// Owns them all; they live as long as it does.
class RemoteBackend final
{
public:
    explicit RemoteBackend(Remote::AdminEndpoint endpoint);
    ~RemoteBackend();

    // Asks the server something every admin may read, so a wrong address or token is told at
    // once rather than on the first page. Errors: the client's (server-unreachable, ...) or
    // the server's (unauthorized for a token it does not accept).
    Status check();

    Remote::AdminClient &client() { return *m_client; }
    TenantService &tenants();
    Observe::AuditTrail &audit();
    Billing::BillingService &billing();
    Quota::QuotaService &quotas();
    Widgets::UsageSource &usage() { return *m_usage; }
    Widgets::QuotaAlertFeed &quotaAlerts() { return *m_quotaAlerts; }
    // The server's live traffic for the Monitoring page (MainWindow::setMonitoringFeed()).
    Remote::RemoteMetrics &metrics() { return *m_metrics; }
    // "Server https://tenantry.example.com", for the status bar.
    QString describe() const;

private:
    SystemClock m_clock;
    std::unique_ptr<Remote::AdminClient> m_client;
    // Declared after the client it polls through, so it stops polling before the client goes.
    std::unique_ptr<Remote::RemoteMetrics> m_metrics;
    std::unique_ptr<Remote::RemoteTenantService> m_tenants;
    std::unique_ptr<Remote::RemoteAuditTrail> m_audit;
    std::unique_ptr<Remote::RemoteBillingService> m_billing;
    std::unique_ptr<Remote::RemoteQuotaService> m_quotas;
    std::unique_ptr<Widgets::UsageSource> m_usage;
    std::unique_ptr<Widgets::QuotaAlertFeed> m_quotaAlerts;
};

} // namespace Tenantry::App
