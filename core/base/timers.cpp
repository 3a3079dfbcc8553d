#include "core/base/timers.h"

#include <QTimer>

#include <algorithm>
#include <limits>

namespace Tenantry {

void QtTimers::callAfter(std::chrono::milliseconds delay, QObject *context, std::function<void()> work)
{
    QTimer::singleShot(delay, context, std::move(work));
}

void ManualTimers::callAfter(std::chrono::milliseconds delay, QObject *context, std::function<void()> work)
{
    m_requested.push_back(delay);
    m_due.push_back({m_now + delay, m_order++, context, std::move(work)});
}

bool ManualTimers::runNextDueBy(std::chrono::milliseconds limit, quint64 scheduledBefore)
{
    auto next = m_due.end();
    for (auto it = m_due.begin(); it != m_due.end(); ++it) {
        if (it->order >= scheduledBefore || it->at > limit)
            continue;
        if (next == m_due.end() || it->at < next->at || (it->at == next->at && it->order < next->order))
            next = it;
    }
    if (next == m_due.end())
        return false;
    Due due = std::move(*next);
    m_due.erase(next);
    m_now = std::max(m_now, due.at);
    if (due.context)
        due.work();
    return true;
}

void ManualTimers::advance(std::chrono::milliseconds by)
{
    const auto until = m_now + by;
    while (runNextDueBy(until, std::numeric_limits<quint64>::max())) {
    }
    m_now = until;
}

int ManualTimers::runAll()
{
    int ran = 0;
    const quint64 scheduledBefore = m_order;
    while (runNextDueBy(std::chrono::milliseconds::max(), scheduledBefore))
        ++ran;
    return ran;
}

} // namespace Tenantry
