#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <functional>

namespace Tenantry::Testing {

// Processes events until `done` holds; false after `timeoutMs`. For work on other threads:
// it waits for their results to arrive, not for time to pass.
inline bool waitUntil(const std::function<bool()> &done, int timeoutMs = 20000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

} // namespace Tenantry::Testing
