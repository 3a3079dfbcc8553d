#include "app/translations.h"
#include "fakes/fakes_tenantservice.h"
#include "widgets/alerts/alertwatcher.h"
#include "widgets/audit/auditpage.h"
#include "widgets/audit/audittablemodel.h"
#include "widgets/mainwindow.h"
#include "widgets/monitoring/monitoringpage.h"
#include "widgets/tenants/tenantspage.h"
#include "widgets/tenants/tenanttablemodel.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QJsonObject>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QTranslator>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using Tenantry::Testing::FakeTenantService;
using Tenantry::Widgets::MainWindow;
using Tenantry::Widgets::TenantsPage;
using Tenantry::Widgets::TenantTableModel;

namespace {

// Translators and the default locale are process-wide: every test leaves them as it found
// them, so the English expectations of the other widget tests hold in the same process.
class TranslationsTest : public ::testing::Test
{
protected:
    void TearDown() override
    {
        // A QTranslator uninstalls itself when deleted.
        qDeleteAll(qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly));
        QLocale::setDefault(m_defaultLocale);
        qunsetenv("TENANTRY_LANG");
    }

    QStringList sidebarTexts(const MainWindow &window) const
    {
        QStringList texts;
        const auto *sidebar = window.findChild<QListWidget *>(u"navigation"_s);
        for (int row = 0; sidebar && row < sidebar->count(); ++row)
            texts.append(sidebar->item(row)->text());
        return texts;
    }

    FakeTenantService service;

private:
    const QLocale m_defaultLocale;
};

TEST_F(TranslationsTest, ChineseCatalogFromResourcesTranslatesTheMainWindow)
{
    auto *chinese = new QTranslator(qApp);
    ASSERT_TRUE(chinese->load(u":/i18n/tenantry_zh_CN.qm"_s));
    EXPECT_EQ(chinese->language(), u"zh_CN"_s);
    // The context must be the class name tr() asks with at run time, namespace included.
    EXPECT_EQ(chinese->translate("Tenantry::Widgets::MainWindow", "Tenants"), u"租户"_s);
    ASSERT_TRUE(QCoreApplication::installTranslator(chinese));

    MainWindow window(&service, nullptr, u"Embedded catalog: /tmp/tenantry-test"_s);
    EXPECT_EQ(sidebarTexts(window),
              (QStringList{u"租户"_s, u"订阅与计费"_s, u"配额与用量"_s, u"监控"_s, u"审计日志"_s, u"设置"_s}));
    EXPECT_EQ(window.menuBar()->actions().first()->text(), u"文件(&F)"_s);
    EXPECT_EQ(window.tenantsPage()->action(TenantsPage::Action::Suspend)->text(), u"暂停(&S)"_s);
    EXPECT_EQ(window.tenantsPage()->model()->headerData(TenantTableModel::StatusColumn, Qt::Horizontal),
              u"状态"_s);
    const auto *emptyText = window.monitoringPage()->findChild<QLabel *>(u"monitoringEmptyText"_s);
    ASSERT_NE(emptyText, nullptr);
    EXPECT_TRUE(emptyText->text().contains(u"内置服务器"_s)) << emptyText->text().toStdString();

    EXPECT_TRUE(QTranslator().load(u":/i18n/tenantry_en.qm"_s));
}

TEST_F(TranslationsTest, ChineseCatalogTranslatesTheAuditLogAndAlerts)
{
    auto *chinese = new QTranslator(qApp);
    ASSERT_TRUE(chinese->load(u":/i18n/tenantry_zh_CN.qm"_s));
    ASSERT_TRUE(QCoreApplication::installTranslator(chinese));

    EXPECT_EQ(Tenantry::Widgets::AuditPage::tr("Audit Log"), u"审计日志"_s);
    Tenantry::Widgets::AuditTableModel model(nullptr, nullptr);
    EXPECT_EQ(model.headerData(Tenantry::Widgets::AuditTableModel::ActorColumn, Qt::Horizontal), u"操作者"_s);
    EXPECT_EQ(Tenantry::Widgets::AuditTableModel::actionDescription(u"tenant.suspend"_s), u"已暂停租户"_s);

    Tenantry::Observe::AuditEntry entry;
    entry.action = u"anomaly.detected"_s;
    entry.after = QJsonObject{{u"signal"_s, u"request_rate"_s}, {u"value"_s, 480}, {u"expected"_s, 20},
                              {u"interval_seconds"_s, 60}};
    EXPECT_EQ(Tenantry::Widgets::AlertWatcher::describe(entry, u"acme"_s),
              u"异常：租户 acme 的请求速率为 480 次/分钟，预期约为 20"_s);
}

TEST_F(TranslationsTest, TenantryLangPicksTheConsoleAndQtCatalogs)
{
    qputenv("TENANTRY_LANG", "zh_CN");
    EXPECT_EQ(Tenantry::App::installTranslations(*qApp), u"zh_CN"_s);
    EXPECT_EQ(QLocale().name(), u"zh_CN"_s);
    EXPECT_EQ(TenantsPage::tr("Tenants"), u"租户"_s);
    // Qt's own catalog (qtbase_zh_CN.qm) is installed too.
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    EXPECT_EQ(buttons.button(QDialogButtonBox::Cancel)->text(), u"取消"_s);
}

TEST_F(TranslationsTest, UnknownLanguageKeepsTheEnglishSourceTexts)
{
    qputenv("TENANTRY_LANG", "de_DE");
    EXPECT_EQ(Tenantry::App::installTranslations(*qApp), QString());
    EXPECT_TRUE(qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly).isEmpty());
    EXPECT_EQ(TenantsPage::tr("Tenants"), u"Tenants"_s);
}

TEST_F(TranslationsTest, AChosenLanguageReplacesTheOneInstalledAndBeatsTheEnvironment)
{
    qputenv("TENANTRY_LANG", "en");
    EXPECT_EQ(Tenantry::App::installTranslations(*qApp, u"zh_CN"_s), u"zh_CN"_s);
    EXPECT_EQ(TenantsPage::tr("Tenants"), u"租户"_s);
    const auto installed = qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly).size();

    // Switching back at run time leaves no Chinese catalog behind.
    EXPECT_EQ(Tenantry::App::installTranslations(*qApp, u"en"_s), u"en_US"_s); // as the catalog names itself
    EXPECT_EQ(TenantsPage::tr("Tenants"), u"Tenants"_s);
    EXPECT_EQ(QLocale().name(), u"en_US"_s);
    EXPECT_LE(qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly).size(), installed);
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    EXPECT_EQ(buttons.button(QDialogButtonBox::Cancel)->text(), u"Cancel"_s);
}

} // namespace
