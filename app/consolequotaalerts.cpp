#include "app/consolequotaalerts.h"

namespace Tenantry::App {

Result<qint64> ConsoleQuotaAlerts::newestId()
{
    Storage::QuotaAlertFilter filter;
    filter.limit = 1;
    auto page = m_alerts.list(filter);
    if (!page)
        return page.error();
    return page->items.isEmpty() ? qint64(0) : page->items.first().id;
}

Result<QList<Widgets::FedQuotaAlert>> ConsoleQuotaAlerts::after(qint64 afterId, int limit)
{
    return Widgets::alertsAfter(afterId, limit, [this](qint64 beforeId) -> Result<Widgets::QuotaAlertPage> {
        Storage::QuotaAlertFilter filter;
        filter.limit = Storage::QuotaAlertRepository::kMaxListLimit;
        filter.beforeId = beforeId;
        auto page = m_alerts.list(filter);
        if (!page)
            return page.error();
        Widgets::QuotaAlertPage out{{}, page->nextCursor};
        for (const Storage::StoredQuotaAlert &a : std::as_const(page->items))
            out.items.append({a.id, a.alert});
        return out;
    });
}

} // namespace Tenantry::App
