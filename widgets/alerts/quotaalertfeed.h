#pragma once

#include "core/base/result.h"
#include "core/quota/quotaalert.h"

#include <QList>

#include <functional>

namespace Tenantry::Widgets {

// A recorded quota alert with its id, which grows in commit order across every server
// sharing the catalog.
struct FedQuotaAlert {
    qint64 id = 0;
    Quota::QuotaAlert alert;
};

// Where the console reads the quota alerts servers recorded (a tenant's use crossed 80, 90,
// 95 or 100 % of a limit). Implemented by the application over the catalog.
class QuotaAlertFeed
{
public:
    virtual ~QuotaAlertFeed() = default;

    // The newest alert's id; 0 when none was recorded.
    virtual Result<qint64> newestId() = 0;
    // The alerts recorded after `afterId`, oldest first, at most `limit` of them.
    virtual Result<QList<FedQuotaAlert>> after(qint64 afterId, int limit) = 0;
};

// One page of recorded alerts, newest first, as the catalog and the admin API both hand
// them out; `nextCursor` is the id to read before for the next page, 0 after the last.
struct QuotaAlertPage {
    QList<FedQuotaAlert> items;
    qint64 nextCursor = 0;
};

// QuotaAlertFeed::after() over a store that pages newest first: reads pages (`readBefore`
// gets 0 for the newest page, else the previous page's cursor) back to `afterId`, and
// returns the oldest `limit` of the newer alerts, oldest first.
Result<QList<FedQuotaAlert>> alertsAfter(qint64 afterId, int limit,
                                         const std::function<Result<QuotaAlertPage>(qint64 beforeId)> &readBefore);

} // namespace Tenantry::Widgets
