#pragma once

#include "core/http/router.h"
#include "core/observe/requestmetrics.h"
#include "core/observe/usagerecorder.h"
#include "core/report/usagereport.h"

#include <QTimer>

#include <chrono>

namespace Tenantry::App {

class Runtime;

// Usage metering in `serve`: registers the usage report routes, and flushes the server's
// request metrics into the catalog's hourly rollup every `flushInterval` and on every UTC
// hour boundary, plus once more when the server stops. A failed flush is logged and retried
// by the next one, which then carries its figures.
class UsageMetering final
{
public:
    UsageMetering(Runtime &runtime, const Observe::RequestMetrics &metrics, Http::Router &router,
                  std::chrono::seconds flushInterval, Observe::UsageRecorderSettings settings = {});

    // Arms the flush timer (call once the server listens).
    void start();
    // Stops the timer and flushes what is left (call after the event loop ended).
    void stop();

private:
    void flush();
    void scheduleNext();

    Observe::UsageRecorder m_recorder;
    Report::UsageReporter m_reporter;
    std::chrono::milliseconds m_interval;
    QTimer m_timer;
};

} // namespace Tenantry::App
