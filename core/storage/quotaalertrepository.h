#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/quota/quotaalert.h"
#include "core/storage/catalog.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tenantry::Storage {

// A quota alert as the catalog keeps it.
struct StoredQuotaAlert {
    qint64 id = 0; // grows in commit order across every process sharing the catalog
    Quota::QuotaAlert alert;
};

// Which recorded alerts to list, newest first.
struct QuotaAlertFilter {
    std::optional<QString> tenantId; // unset: every tenant
    std::optional<qint64> sinceMs;   // alerts crossed at or after this instant
    std::optional<qint64> untilMs;   // alerts crossed before this instant
    int limit = 100;                 // 1..1000
    qint64 beforeId = 0;             // > 0: only ids below it; pass QuotaAlertPage::nextCursor
};

struct QuotaAlertPage {
    QList<StoredQuotaAlert> items;
    qint64 nextCursor = 0; // 0 when there are no more; else pass as QuotaAlertFilter::beforeId
};

// Where a tenant's quota alerts are sent. The secret is the HMAC key as UTF-8 text.
struct TenantWebhook {
    QString tenantId;
    QString url;
    QString secret;
    QDateTime updatedAt;
};

// The catalog's quota_alerts and tenant_webhooks tables (migration 0006). record() is what
// makes "once per window" hold across processes: of several servers recording the same
// (tenant, dimension, window start, threshold), exactly one is told its row is new.
// Database failures are Unavailable "database-error". Thread-safe (each thread uses its own
// catalog connection); the catalog and clock must outlive the repository.
class QuotaAlertRepository final
{
public:
    static constexpr int kMaxListLimit = 1000;

    QuotaAlertRepository(Catalog &catalog, const Clock &clock);

    // Inserts `alerts` in one transaction, skipping every one whose (tenant, dimension,
    // window start, threshold) is already recorded (also earlier in `alerts`), and returns
    // exactly the new ones, in the order given. On error nothing was recorded.
    Result<QList<Quota::QuotaAlert>> record(const QList<Quota::QuotaAlert> &alerts);

    // One page of recorded alerts, newest first. Invalid "invalid-query" (with field errors
    // named limit, cursor, until) for a limit outside 1..kMaxListLimit, a negative cursor or
    // until not after since.
    Result<QuotaAlertPage> list(const QuotaAlertFilter &filter);

    // Forgets everything about a tenant: its alerts and its webhook. Succeeds when there was
    // nothing to forget.
    Status purgeTenant(const QString &tenantId);

    // The tenant's webhook; nullopt when none is configured.
    Result<std::optional<TenantWebhook>> webhook(const QString &tenantId);
    // The webhooks of these tenants, by tenant id; tenants without one are absent.
    Result<QHash<QString, TenantWebhook>> webhooks(const QStringList &tenantIds);
    // Creates or replaces the tenant's webhook. The URL and secret must pass
    // Notify::WebhookTarget::create (its Invalid errors are returned as they are).
    Status setWebhook(const QString &tenantId, const QString &url, const QString &secret);
    // NotFound "webhook-not-found" when the tenant has none.
    Status removeWebhook(const QString &tenantId);

private:
    Catalog &m_catalog;
    const Clock &m_clock;
};

} // namespace Tenantry::Storage
