#include "app/consoleusage.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Tenantry::App {
namespace {

constexpr qint64 kSavedMaxAgeMs = 15'000;

} // namespace

ConsoleUsage::ConsoleUsage(Runtime &runtime, const EmbeddedServer &server)
    : m_runtime(runtime)
    , m_server(server)
{
}

ConsoleUsage::~ConsoleUsage() = default;

Result<const Quota::QuotaGate *> ConsoleUsage::savedGate()
{
    if (m_saved && m_savedAge.isValid() && m_savedAge.elapsed() < kSavedMaxAgeMs)
        return m_saved.get();
    auto gate = std::make_unique<Quota::QuotaGate>(m_runtime.quotaPolicies());
    if (Status restored = m_runtime.quotas().restoreInto(*gate, m_runtime.directory()); !restored)
        return restored.error();
    m_saved = std::move(gate);
    m_savedAge.start();
    return m_saved.get();
}

Result<QList<Quota::DimensionUsage>> ConsoleUsage::usage(const Tenant &tenant)
{
    const Quota::QuotaGate *gate = m_server.quotaGate();
    if (!gate) {
        auto saved = savedGate();
        if (!saved)
            return saved.error();
        gate = saved.value();
    } else {
        m_saved.reset(); // stale once the server counts; read again after it stops
    }
    QList<Quota::DimensionUsage> out = gate->usage(tenant, m_runtime.clock().now().toMSecsSinceEpoch());
    const bool hasStorage = std::any_of(out.cbegin(), out.cend(),
                                        [](const Quota::DimensionUsage &u) { return u.name == "storage_bytes"_L1; });
    if (!hasStorage)
        out.append({u"storage_bytes"_s, gate->storageUsed(tenant.id), 0, -1});
    return out;
}

QString ConsoleUsage::origin() const
{
    return m_server.isRunning()
        ? QCoreApplication::translate("Console", "live from the embedded server")
        : QCoreApplication::translate("Console", "as servers last saved it (start the embedded server for live figures)");
}

} // namespace Tenantry::App
