#pragma once

#include "core/base/result.h"
#include "core/tenancy/tenantservice.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace Tenantry::Widgets {

// The most TenantService::list gives at once: the console reads tenants in pages of this many.
constexpr int kTenantPageSize = 1000;

// Every tenant of `service` (all statuses), page by page in slug order, starting after
// `first` when given (a page already read). `onPage(loaded, total)` runs after each page;
// `cancelled()` is asked before each; both may be empty. Errors are the service's, or
// "load-cancelled". The one paging loop of the console: TenantTableModel::reload() and
// TenantLoader both use it.
Result<QList<Tenant>> readAllTenants(TenantService &service, const TenantPage *first = nullptr,
                                     const std::function<void(qint64 loaded, qint64 total)> &onPage = {},
                                     const std::function<bool()> &cancelled = {});

// Reads every tenant on a thread of its own, so a catalog of tens of thousands of tenants
// (or a slow one) never stalls the window: progress after every page, cancel between pages.
// The service must be thread-safe (TenantService implementations are) and outlive the
// loader. Signals arrive on the loader's (the GUI) thread. Destroying it cancels and waits.
class TenantLoader final : public QObject
{
    Q_OBJECT

public:
    explicit TenantLoader(TenantService *service, QObject *parent = nullptr);
    ~TenantLoader() override;

    // Reads the pages after `first`; false while a load runs.
    bool start(const TenantPage &first);
    // The load stops before its next page and emits cancelled().
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    void progress(qint64 loaded, qint64 total);
    void loaded(const QList<Tenantry::Tenant> &tenants);
    void failed(const Tenantry::Error &error);
    void cancelled();

private:
    void finish(Result<QList<Tenant>> result);

    TenantService *m_service;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace Tenantry::Widgets
