#pragma once

#include "app/embeddedserver.h"
#include "app/runtime.h"
#include "widgets/quotas/usagesource.h"

#include <QElapsedTimer>

#include <memory>

namespace Tenantry::App {

// The console's usage figures: the embedded server's own counters while it runs (exact and
// live); otherwise what servers last saved with their periodic quota flush, read again at
// most every 15 seconds so a page refreshing every two does not query the catalog each
// time. Storage is reported even where it is not limited. GUI thread only; `runtime` and
// `server` must outlive it.
class ConsoleUsage final : public Widgets::UsageSource
{
public:
    ConsoleUsage(Runtime &runtime, const EmbeddedServer &server);
    ~ConsoleUsage() override;

    Result<QList<Quota::DimensionUsage>> usage(const Tenant &tenant) override;
    QString origin() const override;

private:
    Result<const Quota::QuotaGate *> savedGate();

    Runtime &m_runtime;
    const EmbeddedServer &m_server;
    std::unique_ptr<Quota::QuotaGate> m_saved;
    QElapsedTimer m_savedAge;
};

} // namespace Tenantry::App
