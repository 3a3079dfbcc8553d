#include "widgets/tenants/tenantloader.h"

#include <QThread>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {
Result<QList<Tenant>> readAllTenants(TenantService &service, const TenantPage *first,
                                     const std::function<void(qint64, qint64)> &onPage,
                                     const std::function<bool()> &cancelled)
{
    QList<Tenant> all;
    TenantQuery query;
    query.limit = kTenantPageSize;
    if (first) {
        all = first->items;
        if (first->nextCursor.isEmpty())
            return all;
        query.afterSlug = first->nextCursor;
    }
    for (;;) {
        if (cancelled && cancelled())
            return Error::conflict(u"load-cancelled"_s, u"Loading the tenants was cancelled."_s);
        Result<TenantPage> page = service.list(query);
        if (!page)
            return page.error();
        all.append(page->items);
        if (onPage)
            onPage(all.size(), std::max<qint64>(page->total, all.size()));
        // A cursor that does not move would loop forever; treat it as the end.
        if (page->nextCursor.isEmpty() || page->nextCursor == query.afterSlug)
            return all;
        query.afterSlug = page->nextCursor;
    }
}

TenantLoader::TenantLoader(TenantService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
}

TenantLoader::~TenantLoader()
{
    if (m_thread) {
        m_cancel->store(true);
        m_thread->wait();
        delete m_thread;
    }
}

bool TenantLoader::start(const TenantPage &first)
{
    if (m_thread || !m_service)
        return false;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const auto cancel = m_cancel;
    TenantService *service = m_service;
    // The thread only posts to this object, which outlives it (the destructor waits).
    m_thread = QThread::create([this, service, first, cancel] {
        Result<QList<Tenant>> result = readAllTenants(
            *service, &first,
            [this](qint64 loaded, qint64 total) {
                QMetaObject::invokeMethod(this, [this, loaded, total] { Q_EMIT progress(loaded, total); },
                                          Qt::QueuedConnection);
            },
            [cancel] { return cancel->load(); });
        QMetaObject::invokeMethod(this, [this, result = std::move(result)]() mutable { finish(std::move(result)); },
                                  Qt::QueuedConnection);
    });
    m_thread->setObjectName(u"tenant-loader"_s);
    m_thread->start();
    return true;
}

void TenantLoader::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void TenantLoader::finish(Result<QList<Tenant>> result)
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    const bool wasCancelled = m_cancel->load();
    m_cancel.reset();
    if (wasCancelled)
        Q_EMIT cancelled();
    else if (!result)
        Q_EMIT failed(result.error());
    else
        Q_EMIT loaded(result.value());
}

} // namespace Tenantry::Widgets
