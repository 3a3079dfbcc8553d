#include "widgets/tenants/tenantdialog.h"

#include "support/auditcatalogtest.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>

using namespace Tenantry;
using namespace Qt::StringLiterals;
using Tenantry::Widgets::TenantDialog;

namespace {

// Creating and editing tenants over the real catalog service.
class TenantDialogCatalogTest : public Testing::AuditCatalogTest
{
protected:
    void SetUp() override
    {
        AuditCatalogTest::SetUp();
        acme = create(u"acme"_s);
        globex = create(u"globex"_s);
    }

    template <typename T>
    static T *child(const TenantDialog &dialog, const char *name)
    {
        return dialog.findChild<T *>(QString::fromLatin1(name));
    }

    static bool sameConfig(const TenantConfig &a, const TenantConfig &b)
    {
        return a.displayName == b.displayName && a.timeZone == b.timeZone && a.locale == b.locale
            && a.themeColor == b.themeColor && a.settings == b.settings;
    }

    Tenant acme;
    Tenant globex;
};

TEST_F(TenantDialogCatalogTest, SavesOnlyWhatChangedOfThatTenant)
{
    TenantDialog dialog(m_tenants.get(), acme, TenantDialog::Purpose::Edit);
    EXPECT_TRUE(dialog.isEdit());
    auto *slug = child<QLineEdit>(dialog, "slugEdit");
    ASSERT_NE(slug, nullptr);
    EXPECT_EQ(slug->text(), u"acme"_s);
    EXPECT_TRUE(slug->isReadOnly());
    EXPECT_EQ(child<QLineEdit>(dialog, "displayNameEdit")->text(), acme.config.displayName);
    EXPECT_EQ(child<QComboBox>(dialog, "planCombo"), nullptr) << "the plan changes with the subscription";

    QList<Tenant> updated;
    QObject::connect(&dialog, &TenantDialog::tenantUpdated, [&](const Tenant &t) { updated.append(t); });
    child<QComboBox>(dialog, "timeZoneCombo")->setCurrentText(u"Asia/Shanghai"_s);
    child<QLineEdit>(dialog, "displayNameEdit")->setText(u"Acme Asia"_s);
    const qint64 before = newestSeq();
    ASSERT_TRUE(dialog.submit());
    ASSERT_EQ(updated.size(), 1);
    EXPECT_EQ(updated.first().config.timeZone, u"Asia/Shanghai"_s);

    const Tenant stored = m_tenants->get(u"acme"_s).value();
    EXPECT_EQ(stored.config.displayName, u"Acme Asia"_s);
    EXPECT_EQ(stored.config.timeZone, u"Asia/Shanghai"_s);
    EXPECT_EQ(stored.config.locale, acme.config.locale);
    EXPECT_TRUE(sameConfig(m_tenants->get(u"globex"_s).value().config, globex.config)) << "another tenant is not touched";

    Observe::AuditQuery query;
    query.action = u"tenant.configure"_s;
    auto entries = m_audit->query(query);
    ASSERT_TRUE(entries.ok());
    ASSERT_EQ(entries->items.size(), 1);
    EXPECT_GT(entries->items.first().seq, before);
    EXPECT_EQ(entries->items.first().tenantId, acme.id);
}

TEST_F(TenantDialogCatalogTest, AnInvalidFieldIsShownAndNothingChanges)
{
    TenantDialog dialog(m_tenants.get(), acme, TenantDialog::Purpose::Edit);
    child<QComboBox>(dialog, "timeZoneCombo")->setCurrentText(u"Mars/Olympus_Mons"_s);
    EXPECT_FALSE(dialog.submit());
    bool shown = false;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        shown = shown || (label->isVisibleTo(&dialog) && label->text().contains(u"IANA"_s));
    EXPECT_TRUE(shown) << "the time zone's message is shown";
    EXPECT_TRUE(sameConfig(m_tenants->get(u"acme"_s).value().config, acme.config));
}

TEST_F(TenantDialogCatalogTest, ADeletedTenantIsRefusedByTheServiceWithItsReason)
{
    TenantDialog dialog(m_tenants.get(), acme, TenantDialog::Purpose::Edit);
    apply(u"acme"_s, LifecycleAction::Delete); // deleted by someone else meanwhile
    child<QLineEdit>(dialog, "displayNameEdit")->setText(u"Acme Renamed"_s);
    EXPECT_FALSE(dialog.submit());
    const QLabel *formError = child<QLabel>(dialog, "formErrorLabel");
    ASSERT_NE(formError, nullptr);
    EXPECT_TRUE(formError->isVisibleTo(&dialog));
    EXPECT_TRUE(formError->text().contains(u"restore"_s)) << formError->text().toStdString();
    EXPECT_NE(m_tenants->get(u"acme"_s).value().config.displayName, u"Acme Renamed"_s);
}

TEST_F(TenantDialogCatalogTest, TheIsolationChosenIsTheTenantsAndOneTheCatalogCannotOfferIsRefused)
{
    TenantDialog dialog(m_tenants.get());
    child<QLineEdit>(dialog, "displayNameEdit")->setText(u"Initech"_s);
    auto *isolation = child<QComboBox>(dialog, "isolationCombo");
    ASSERT_NE(isolation, nullptr);
    isolation->setCurrentIndex(isolation->findData(u"schema"_s)); // needs PostgreSQL; this catalog is SQLite
    EXPECT_FALSE(dialog.submit());
    bool shown = false;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        shown = shown || (label->isVisibleTo(&dialog) && label->text().contains(u"SQLite"_s));
    EXPECT_TRUE(shown) << "the reason is shown at the field";
    EXPECT_FALSE(m_tenants->get(u"initech"_s).ok()) << "nothing half-created";

    isolation->setCurrentIndex(isolation->findData(u"database"_s));
    ASSERT_TRUE(dialog.submit());
    EXPECT_EQ(m_tenants->get(u"initech"_s).value().isolation, u"database"_s);
    EXPECT_EQ(m_tenants->get(u"acme"_s).value().isolation, acme.isolation) << "others keep theirs";
}

} // namespace
