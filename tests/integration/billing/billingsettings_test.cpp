#include "core/billing/billingsettings.h"
#include "core/observe/auditlog.h"
#include "core/storage/billingsettingsstore.h"

#include "tests/integration/storage/catalogfixture.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Tenantry;
using namespace Tenantry::Billing;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

TEST(BillingSettingsTest, APatchChangesOnlyItsKeysAndRoundTrips)
{
    auto s = applyBillingSettingsJson({}, json(R"({"issuer": {"name": "Acme Cloud GmbH", "address": ["Hauptstr. 1", "10115 Berlin"],
        "tax_id": "DE123456789"}, "tax_rate_ppm": 190000, "invoice_prefix": "AC26", "dunning": {"retry_after_days": [2, 4]},
        "downgrades": "immediate"})"));
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    EXPECT_EQ(s->issuerName, u"Acme Cloud GmbH"_s);
    EXPECT_EQ(s->issuerAddress.size(), 2);
    EXPECT_EQ(s->taxRatePpm, 190000);
    EXPECT_EQ(s->invoicePrefix, u"AC26"_s);
    EXPECT_EQ(s->paymentTermsDays, 14) << "untouched keys keep their value";
    EXPECT_EQ(s->dunning.retryAfterDays, (QList<int>{2, 4}));
    EXPECT_EQ(s->dunning.suspendAfterDays, 7);
    EXPECT_EQ(s->upgrades, ChangeTiming::Immediate);
    EXPECT_EQ(s->downgrades, ChangeTiming::Immediate);
    auto again = applyBillingSettingsJson({}, billingSettingsToJson(s.value()));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(billingSettingsToJson(again.value()), billingSettingsToJson(s.value()));
}

TEST(BillingSettingsTest, EveryBadFieldIsNamed)
{
    auto s = applyBillingSettingsJson({}, json(R"({"issuer": {"name": "", "email": "nope", "fax": 1},
        "tax_rate_ppm": 1000001, "invoice_prefix": "inv-", "payment_terms_days": 1.5,
        "dunning": {"retry_after_days": [3, 2]}, "upgrades": "later", "colour": "red"})"));
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, u"invalid-billing-settings"_s);
    QStringList fields;
    for (const FieldError &f : s.error().fields)
        fields.append(f.field);
    for (const QString &f : {u"/issuer/name"_s, u"/issuer/email"_s, u"/issuer/fax"_s, u"/tax_rate_ppm"_s,
                             u"/invoice_prefix"_s, u"/payment_terms_days"_s, u"/upgrades"_s, u"/colour"_s})
        EXPECT_TRUE(fields.contains(f)) << f.toStdString() << " in " << fields.join(u", "_s).toStdString();
    auto order = applyBillingSettingsJson({}, json(R"({"dunning": {"retry_after_days": [3, 2]}})"));
    ASSERT_FALSE(order.ok());
    EXPECT_EQ(order.error().fields.first().field, u"/dunning/retry_after_days/1"_s);
}

class BillingSettingsStoreTest : public CatalogBackendTest
{
};

TEST_P(BillingSettingsStoreTest, ChangesAreStoredAuditedAndARefusedOneChangesNothing)
{
    Observe::AuditLog audit(*m_catalog, m_clock);
    Storage::BillingSettingsStore store(*m_catalog, audit);
    EXPECT_EQ(store.settings()->invoicePrefix, u"INV"_s) << "defaults before the first change";
    const Actor operatorActor{u"admin"_s, u"req-1"_s, u"127.0.0.1"_s};
    ASSERT_TRUE(store.update(operatorActor, json(R"({"tax_rate_ppm": 70000, "invoice_prefix": "TNT"})"), 1000).ok());
    auto refused = store.update(operatorActor, json(R"({"tax_rate_ppm": 5, "invoice_prefix": "bad prefix"})"), 2000);
    ASSERT_FALSE(refused.ok());
    const BillingSettings now = store.settings().value();
    EXPECT_EQ(now.taxRatePpm, 70000) << "a refused patch changes nothing, not even its valid keys";
    EXPECT_EQ(now.invoicePrefix, u"TNT"_s);

    Storage::BillingSettingsStore other(*m_catalog, audit); // another server reads the same
    EXPECT_EQ(other.settings()->taxRatePpm, 70000);

    Observe::AuditQuery query;
    query.action = u"billing.settings"_s;
    auto page = audit.query(query);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->items.size(), 1);
    EXPECT_EQ(page->items.first().after.toObject().value(u"invoice_prefix"_s).toString(), u"TNT"_s);
    EXPECT_EQ(page->items.first().before.toObject().value(u"invoice_prefix"_s).toString(), u"INV"_s);
}

INSTANTIATE_TEST_SUITE_P(Backends, BillingSettingsStoreTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
