#include "app/usagemetering.h"

#include "app/runtime.h"
#include "core/http/reportroutes.h"
#include "documents/usagereportpdf.h"

using namespace Qt::StringLiterals;

namespace Tenantry::App {

UsageMetering::UsageMetering(Runtime &runtime, const Observe::RequestMetrics &metrics, Http::Router &router,
                             std::chrono::seconds flushInterval, Observe::UsageRecorderSettings settings)
    : m_recorder(runtime.catalog(), metrics, runtime.directory(), runtime.dataPlane(), runtime.clock(),
                 std::move(settings))
    , m_reporter(runtime.catalog(), runtime.clock())
    , m_interval(flushInterval)
{
    Http::registerReportRoutes(router, m_reporter, runtime.directory(),
                               [](const Report::UsageReport &report) { return Documents::renderUsageReportPdf(report); });
    // Precise, so the flush due at an hour boundary does not fire seconds late and count the
    // new hour's first requests in the old one.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setSingleShot(true);
    QObject::connect(&m_timer, &QTimer::timeout, [this] {
        flush();
        scheduleNext();
    });
}

void UsageMetering::start()
{
    scheduleNext();
}

void UsageMetering::stop()
{
    m_timer.stop();
    flush();
}

void UsageMetering::scheduleNext()
{
    m_timer.start(m_recorder.nextFlushIn(m_interval));
}

void UsageMetering::flush()
{
    auto flushed = m_recorder.flush();
    if (!flushed) {
        qCWarning(lcUsage).noquote() << "writing usage to the catalog failed (the next flush retries):"
                                     << flushed.error().message;
        return;
    }
    qCDebug(lcUsage) << "usage flushed for" << flushed->tenantsCounted << "tenants, storage of"
                     << flushed->storageSamples << "into" << flushed->hourStart.toString(Qt::ISODate);
}

} // namespace Tenantry::App
