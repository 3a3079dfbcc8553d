#pragma once

#include "core/storage/quotaalertrepository.h"
#include "widgets/alerts/quotaalertfeed.h"

namespace Tenantry::App {

// The console's quota alerts: what every server sharing the catalog recorded
// (quota_alerts), read through Storage::QuotaAlertRepository. The repository must outlive it.
class ConsoleQuotaAlerts final : public Widgets::QuotaAlertFeed
{
public:
    explicit ConsoleQuotaAlerts(Storage::QuotaAlertRepository &alerts) : m_alerts(alerts) {}

    Result<qint64> newestId() override;
    Result<QList<Widgets::FedQuotaAlert>> after(qint64 afterId, int limit) override;

private:
    Storage::QuotaAlertRepository &m_alerts;
};

} // namespace Tenantry::App
