#include "widgets/alerts/quotaalertfeed.h"

#include <algorithm>

namespace Tenantry::Widgets {

Result<QList<FedQuotaAlert>> alertsAfter(qint64 afterId, int limit,
                                         const std::function<Result<QuotaAlertPage>(qint64 beforeId)> &readBefore)
{
    QList<FedQuotaAlert> newer;
    qint64 before = 0;
    for (;;) {
        auto page = readBefore(before);
        if (!page)
            return page.error();
        bool reached = page->nextCursor == 0;
        for (const FedQuotaAlert &a : std::as_const(page->items)) {
            if (a.id <= afterId) {
                reached = true;
                break;
            }
            newer.append(a);
        }
        if (reached)
            break;
        before = page->nextCursor;
    }
    std::reverse(newer.begin(), newer.end());
    return newer.mid(0, limit);
}

} // namespace Tenantry::Widgets
