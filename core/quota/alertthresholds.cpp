#include "core/quota/alertthresholds.h"

namespace Tenantry::Quota {

qint64 thresholdUsage(qint64 limit, int threshold)
{
    // limit * threshold could overflow near the qint64 range; splitting limit into
    // hundreds and a remainder keeps every intermediate at most `limit`.
    const qint64 hundreds = limit / 100;
    const qint64 rest = limit % 100;
    return hundreds * threshold + (rest * threshold + 99) / 100;
}

int highestCrossed(qint64 before, qint64 after, qint64 limit)
{
    if (limit < 1 || after <= before)
        return 0;
    for (auto it = kAlertThresholds.rbegin(); it != kAlertThresholds.rend(); ++it) {
        const qint64 level = thresholdUsage(limit, *it);
        if (before < level && level <= after)
            return *it;
    }
    return 0;
}

} // namespace Tenantry::Quota
