#include "app/consolequotaalerts.h"

#include <algorithm>

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
    // The repository pages newest first; read back to `afterId`, then hand out the oldest.
    QList<Widgets::FedQuotaAlert> newer;
    Storage::QuotaAlertFilter filter;
    filter.limit = Storage::QuotaAlertRepository::kMaxListLimit;
    for (;;) {
        auto page = m_alerts.list(filter);
        if (!page)
            return page.error();
        bool reached = page->nextCursor == 0;
        for (const Storage::StoredQuotaAlert &a : page->items) {
            if (a.id <= afterId) {
                reached = true;
                break;
            }
            newer.append({a.id, a.alert});
        }
        if (reached)
            break;
        filter.beforeId = page->nextCursor;
    }
    std::reverse(newer.begin(), newer.end());
    return newer.mid(0, limit);
}

} // namespace Tenantry::App
