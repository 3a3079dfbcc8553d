#include "core/storage/billingsettingsstore.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {
namespace {

Result<Billing::BillingSettings> readSettings(QSqlDatabase &db)
{
    auto q = runQuery(db, u"SELECT value FROM billing_settings WHERE name = 'settings'"_s);
    if (!q)
        return q.error();
    if (!q->next())
        return Billing::BillingSettings{};
    // Stored settings were valid when written; reading them back goes through the same rules.
    return Billing::applyBillingSettingsJson({}, QJsonDocument::fromJson(q->value(0).toString().toUtf8()).object());
}

} // namespace

Result<Billing::BillingSettings> BillingSettingsStore::settings()
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    return readSettings(db.value());
}

Result<Billing::BillingSettings> BillingSettingsStore::update(const Actor &actor, const QJsonObject &patch, qint64 nowMs)
{
    Billing::BillingSettings next;
    const Status done = m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
        auto current = readSettings(tx);
        if (!current)
            return current.error();
        auto applied = Billing::applyBillingSettingsJson(current.value(), patch);
        if (!applied)
            return applied.error();
        next = applied.value();
        const QJsonObject json = Billing::billingSettingsToJson(next);
        auto removed = runQuery(tx, u"DELETE FROM billing_settings WHERE name = 'settings'"_s);
        if (!removed)
            return removed.error();
        auto written = runQuery(tx, u"INSERT INTO billing_settings (name, value, updated_at) VALUES ('settings', ?, ?)"_s,
                                {QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)), nowMs});
        if (!written)
            return written.error();
        return m_audit.record(tx, actor, {QString(), u"billing.settings"_s, u"billing:settings"_s,
                                          Billing::billingSettingsToJson(current.value()), json});
    });
    if (!done)
        return done.error();
    return next;
}

} // namespace Tenantry::Storage
