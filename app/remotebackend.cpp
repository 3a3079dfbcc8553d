#include "app/remotebackend.h"

#include "core/quota/quotaalertjson.h"
#include "core/remote/remoteaudittrail.h"
#include "core/remote/remotebillingservice.h"
#include "core/remote/remotemetrics.h"
#include "core/remote/remotequotaservice.h"
#include "core/remote/remotetenantservice.h"
#include "widgets/monitoring/monitoringpage.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tenantry::App {
namespace {

// A tenant's use of its limits as the server's own quota counters say: the same figures its
// request path checks, so always live.
class RemoteUsage final : public Widgets::UsageSource
{
public:
    explicit RemoteUsage(Remote::RemoteQuotaService &quotas) : m_quotas(quotas) {}

    Result<QList<Quota::DimensionUsage>> usage(const Tenant &tenant) override { return m_quotas.usage(tenant); }
    QString origin() const override { return QCoreApplication::translate("Console", "live from the server"); }

private:
    Remote::RemoteQuotaService &m_quotas;
};

// The threshold alerts the server recorded (GET /admin/v1/quota-alerts, newest first).
class RemoteQuotaAlerts final : public Widgets::QuotaAlertFeed
{
public:
    explicit RemoteQuotaAlerts(Remote::AdminClient &client) : m_client(client) {}

    Result<qint64> newestId() override
    {
        auto page = read(0, 1);
        if (!page)
            return page.error();
        return page->items.isEmpty() ? qint64(0) : page->items.first().id;
    }

    Result<QList<Widgets::FedQuotaAlert>> after(qint64 afterId, int limit) override
    {
        return Widgets::alertsAfter(afterId, limit, [this](qint64 beforeId) { return read(beforeId, kPageSize); });
    }

private:
    static constexpr int kPageSize = 1000; // the route's most

    Result<Widgets::QuotaAlertPage> read(qint64 beforeId, int limit)
    {
        QUrlQuery query;
        query.addQueryItem(u"limit"_s, QString::number(limit));
        if (beforeId > 0)
            query.addQueryItem(u"cursor"_s, QString::number(beforeId));
        auto answer = m_client.getJson(u"/admin/v1/quota-alerts"_s, query);
        if (!answer)
            return answer.error();
        Widgets::QuotaAlertPage page;
        page.nextCursor = answer->value(u"next_cursor"_s).toString().toLongLong();
        for (const QJsonValue &item : answer->value(u"alerts"_s).toArray()) {
            const QJsonObject o = item.toObject();
            Widgets::FedQuotaAlert fed{o.value(u"id"_s).toString().toLongLong(), {}};
            if (fed.id <= 0 || !Quota::fromJson(o, &fed.alert))
                return Error{ErrorKind::Internal, u"unexpected-response"_s,
                             u"The server sent a quota alert that cannot be read."_s, {}};
            page.items.append(fed);
        }
        return page;
    }

    Remote::AdminClient &m_client;
};

} // namespace

RemoteBackend::RemoteBackend(Remote::AdminEndpoint endpoint)
    : m_client(std::make_unique<Remote::AdminClient>(std::move(endpoint)))
    , m_metrics(std::make_unique<Remote::RemoteMetrics>(*m_client, m_clock, Widgets::MonitoringPage::kBusiestRows))
    , m_tenants(std::make_unique<Remote::RemoteTenantService>(*m_client))
    , m_audit(std::make_unique<Remote::RemoteAuditTrail>(*m_client))
    , m_billing(std::make_unique<Remote::RemoteBillingService>(*m_client))
    , m_quotas(std::make_unique<Remote::RemoteQuotaService>(*m_client))
    , m_usage(std::make_unique<RemoteUsage>(*m_quotas))
    , m_quotaAlerts(std::make_unique<RemoteQuotaAlerts>(*m_client))
{
}

RemoteBackend::~RemoteBackend() = default;

Status RemoteBackend::check()
{
    auto answer = m_client->getJson(u"/admin/v1/tenants"_s, QUrlQuery(u"limit=1"_s));
    if (!answer)
        return answer.error();
    return {};
}

TenantService &RemoteBackend::tenants() { return *m_tenants; }
Observe::AuditTrail &RemoteBackend::audit() { return *m_audit; }
Billing::BillingService &RemoteBackend::billing() { return *m_billing; }
Quota::QuotaService &RemoteBackend::quotas() { return *m_quotas; }

QString RemoteBackend::describe() const
{
    return QCoreApplication::translate("Console", "Server %1").arg(m_client->describe());
}

} // namespace Tenantry::App
