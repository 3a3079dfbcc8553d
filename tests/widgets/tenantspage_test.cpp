#include "fakes/fakes_tenantservice.h"
#include "widgets/mainwindow.h"
#include "widgets/monitoring/monitoringpage.h"
#include "widgets/tenants/tenantdialog.h"
#include "widgets/tenants/tenantfilterproxy.h"
#include "widgets/tenants/tenantspage.h"
#include "widgets/tenants/tenanttablemodel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using Tenantry::Error;
using Tenantry::Tenant;
using Tenantry::TenantStatus;
using Tenantry::Testing::FakeTenantService;
using Tenantry::Widgets::MainWindow;
using Tenantry::Widgets::TenantDialog;
using Tenantry::Widgets::TenantsPage;
using Tenantry::Widgets::TenantTableModel;
using Action = TenantsPage::Action;

namespace {

class TenantsPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        service.seed({FakeTenantService::makeTenant(u"acme"_s, TenantStatus::Active, u"Acme Corp"_s, u"pro"_s),
                      FakeTenantService::makeTenant(u"globex"_s, TenantStatus::Pending, u"Globex Inc."_s),
                      FakeTenantService::makeTenant(u"initech"_s, TenantStatus::Suspended, u"Initech"_s),
                      FakeTenantService::makeTenant(u"umbrella"_s, TenantStatus::Deleted, u"Umbrella"_s)});
        page.setErrorPresenter([this](const QString &what, const Error &error) {
            errors.append(what + u" ["_s + error.code + u']');
        });
        page.setDeleteConfirmation([this](const Tenant &tenant) {
            askedToDelete.append(tenant.slug);
            return confirmDelete;
        });
        page.resize(1100, 700);
        page.show();
        page.reload();
        service.clearCalls();
    }

    bool enabled(Action which) const { return page.action(which)->isEnabled(); }

    QString statusShownFor(const QString &slug) const
    {
        const int row = page.model()->rowOfSlug(slug);
        return page.model()->index(row, TenantTableModel::StatusColumn).data().toString();
    }

    template <typename T>
    T *child(const QString &name) const
    {
        return page.findChild<T *>(name);
    }

    FakeTenantService service;
    TenantsPage page{&service};
    QStringList errors;
    QStringList askedToDelete;
    bool confirmDelete = false;
};

TEST_F(TenantsPageTest, LoadsAllTenantsAndShowsCount)
{
    EXPECT_EQ(page.model()->rowCount(), 4);
    EXPECT_EQ(child<QTableView>(u"tenantTable"_s)->model()->rowCount(), 4);
    EXPECT_EQ(child<QLabel>(u"tenantCountLabel"_s)->text(), u"4"_s);
    EXPECT_TRUE(errors.isEmpty());
}

TEST_F(TenantsPageTest, NothingSelectedEnablesOnlyNewAndRefresh)
{
    EXPECT_FALSE(page.currentTenant().has_value());
    EXPECT_TRUE(enabled(Action::New));
    EXPECT_TRUE(enabled(Action::Refresh));
    for (Action which : {Action::Clone, Action::Activate, Action::Suspend, Action::Restore, Action::Delete})
        EXPECT_FALSE(enabled(which)) << int(which);
}

struct Enablement {
    const char *slug;
    TenantStatus status;
    bool activate;
    bool suspend;
    bool restore;
    bool remove;
};

void PrintTo(const Enablement &row, std::ostream *out)
{
    *out << row.slug;
}

class TenantsPageEnablementTest : public TenantsPageTest, public ::testing::WithParamInterface<Enablement>
{
};

TEST_P(TenantsPageEnablementTest, ActionsFollowTheLifecycle)
{
    const Enablement &expected = GetParam();
    ASSERT_TRUE(page.selectTenant(QString::fromLatin1(expected.slug)));
    ASSERT_EQ(page.currentTenant()->status, expected.status);

    EXPECT_EQ(enabled(Action::Activate), expected.activate);
    EXPECT_EQ(enabled(Action::Suspend), expected.suspend);
    EXPECT_EQ(enabled(Action::Restore), expected.restore);
    EXPECT_EQ(enabled(Action::Delete), expected.remove);
    EXPECT_TRUE(enabled(Action::Clone));
    EXPECT_TRUE(enabled(Action::New));
}

INSTANTIATE_TEST_SUITE_P(EachStatus, TenantsPageEnablementTest,
                         ::testing::Values(
                             //         slug        status                  act    susp   rest   del
                             Enablement{"globex", TenantStatus::Pending, true, false, false, true},
                             Enablement{"acme", TenantStatus::Active, false, true, false, true},
                             Enablement{"initech", TenantStatus::Suspended, true, false, false, true},
                             Enablement{"umbrella", TenantStatus::Deleted, false, false, true, false}),
                         [](const auto &info) { return std::string(info.param.slug); });

TEST_F(TenantsPageTest, SuspendCallsServiceAndUpdatesRowAndActions)
{
    ASSERT_TRUE(page.selectTenant(u"acme"_s));

    page.action(Action::Suspend)->trigger();

    EXPECT_EQ(service.calls(), QStringList{u"apply suspend acme"_s});
    EXPECT_TRUE(service.lastActor().startsWith(u"console:"_s)) << service.lastActor().toStdString();
    EXPECT_EQ(service.find(u"acme"_s)->status, TenantStatus::Suspended);
    EXPECT_EQ(statusShownFor(u"acme"_s), u"Suspended"_s);
    ASSERT_TRUE(page.currentTenant().has_value());
    EXPECT_EQ(page.currentTenant()->slug, u"acme"_s);
    EXPECT_FALSE(enabled(Action::Suspend));
    EXPECT_TRUE(enabled(Action::Activate));
    EXPECT_EQ(child<QLabel>(u"detailStatus"_s)->text(), u"Suspended"_s);
    EXPECT_TRUE(errors.isEmpty());
}

TEST_F(TenantsPageTest, ActivateAndRestoreCallTheService)
{
    ASSERT_TRUE(page.selectTenant(u"globex"_s));
    page.action(Action::Activate)->trigger();
    EXPECT_EQ(statusShownFor(u"globex"_s), u"Active"_s);

    ASSERT_TRUE(page.selectTenant(u"umbrella"_s));
    page.action(Action::Restore)->trigger();
    EXPECT_EQ(statusShownFor(u"umbrella"_s), u"Suspended"_s);

    EXPECT_EQ(service.calls(), (QStringList{u"apply activate globex"_s, u"apply restore umbrella"_s}));
}

TEST_F(TenantsPageTest, CancelledDeleteLeavesTenantUntouched)
{
    ASSERT_TRUE(page.selectTenant(u"acme"_s));
    confirmDelete = false;

    page.action(Action::Delete)->trigger();

    EXPECT_EQ(askedToDelete, QStringList{u"acme"_s});
    EXPECT_TRUE(service.calls().isEmpty());
    EXPECT_EQ(service.find(u"acme"_s)->status, TenantStatus::Active);
    EXPECT_EQ(statusShownFor(u"acme"_s), u"Active"_s);
    EXPECT_TRUE(enabled(Action::Delete));
}

TEST_F(TenantsPageTest, ConfirmedDeleteDeletes)
{
    ASSERT_TRUE(page.selectTenant(u"initech"_s));
    confirmDelete = true;

    page.action(Action::Delete)->trigger();

    EXPECT_EQ(service.calls(), QStringList{u"apply delete initech"_s});
    EXPECT_EQ(statusShownFor(u"initech"_s), u"Deleted"_s);
    EXPECT_TRUE(enabled(Action::Restore));
    EXPECT_FALSE(enabled(Action::Delete));
}

TEST_F(TenantsPageTest, ServiceErrorIsShownAndRowUnchanged)
{
    ASSERT_TRUE(page.selectTenant(u"acme"_s));
    service.failNextWith(Error::unavailable(u"catalog-unavailable"_s, u"The catalog is not reachable."_s));

    page.action(Action::Suspend)->trigger();

    EXPECT_EQ(errors, QStringList{u"Could not suspend acme. [catalog-unavailable]"_s});
    EXPECT_EQ(statusShownFor(u"acme"_s), u"Active"_s);
    EXPECT_TRUE(enabled(Action::Suspend));
}

TEST_F(TenantsPageTest, FailedReloadIsShownAndKeepsRows)
{
    service.failNextWith(Error::unavailable(u"catalog-unavailable"_s, u"The catalog is not reachable."_s));

    page.action(Action::Refresh)->trigger();

    EXPECT_EQ(errors, QStringList{u"Could not load the tenants. [catalog-unavailable]"_s});
    EXPECT_EQ(page.model()->rowCount(), 4);
}

TEST_F(TenantsPageTest, SearchBoxAndStatusComboFilterTheTable)
{
    auto *view = child<QTableView>(u"tenantTable"_s);
    child<QLineEdit>(u"tenantSearchEdit"_s)->setText(u"INC"_s);
    EXPECT_EQ(view->model()->rowCount(), 1);
    EXPECT_EQ(child<QLabel>(u"tenantCountLabel"_s)->text(), u"1 of 4"_s);

    child<QLineEdit>(u"tenantSearchEdit"_s)->clear();
    auto *status = child<QComboBox>(u"tenantStatusFilter"_s);
    status->setCurrentIndex(status->findData(int(TenantStatus::Deleted)));
    ASSERT_EQ(view->model()->rowCount(), 1);
    EXPECT_EQ(view->model()->index(0, TenantTableModel::SlugColumn).data().toString(), u"umbrella"_s);

    // Selecting a hidden tenant clears the filters instead of failing.
    EXPECT_TRUE(page.selectTenant(u"acme"_s));
    EXPECT_EQ(view->model()->rowCount(), 4);
    EXPECT_EQ(page.currentTenant()->slug, u"acme"_s);
}

TEST_F(TenantsPageTest, DetailsPaneShowsTheSelectedTenant)
{
    ASSERT_TRUE(page.selectTenant(u"acme"_s));
    EXPECT_EQ(child<QLabel>(u"detailDisplayName"_s)->text(), u"Acme Corp"_s);
    EXPECT_EQ(child<QLabel>(u"detailSlug"_s)->text(), u"acme"_s);
    EXPECT_EQ(child<QLabel>(u"detailStatus"_s)->text(), u"Active"_s);
    EXPECT_FALSE(child<QLabel>(u"detailThemeSwatch"_s)->pixmap().isNull());
}

TEST_F(TenantsPageTest, NewActionCreatesTenantAndSelectsIt)
{
    page.action(Action::New)->trigger();
    auto *dialog = page.findChild<TenantDialog *>();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(dialog->isVisible());

    dialog->findChild<QLineEdit *>(u"displayNameEdit"_s)->setText(u"Wayne Enterprises"_s);
    EXPECT_TRUE(dialog->submit());

    EXPECT_EQ(service.calls(), QStringList{u"create wayne-enterprises"_s});
    ASSERT_TRUE(page.currentTenant().has_value());
    EXPECT_EQ(page.currentTenant()->slug, u"wayne-enterprises"_s);
    EXPECT_EQ(page.model()->rowCount(), 5);
    dialog->accept();
}

TEST_F(TenantsPageTest, CloneActionClonesTheSelectedTenant)
{
    ASSERT_TRUE(page.selectTenant(u"acme"_s));
    page.action(Action::Clone)->trigger();
    auto *dialog = page.findChild<TenantDialog *>();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(dialog->isClone());

    EXPECT_EQ(dialog->findChild<QLineEdit *>(u"displayNameEdit"_s)->text(), u"Acme Corp (copy)"_s);
    // The slug follows the source slug, not the (translatable) display name.
    EXPECT_EQ(dialog->findChild<QLineEdit *>(u"slugEdit"_s)->text(), u"acme-copy"_s);
    EXPECT_TRUE(dialog->submit());

    EXPECT_EQ(service.calls(), QStringList{u"clone acme acme-copy"_s});
    const std::optional<Tenant> copy = service.find(u"acme-copy"_s);
    ASSERT_TRUE(copy.has_value());
    EXPECT_EQ(copy->plan, u"pro"_s);
    EXPECT_EQ(copy->config.displayName, u"Acme Corp (copy)"_s);
    EXPECT_EQ(page.currentTenant()->slug, u"acme-copy"_s);
    dialog->accept();
}

class TenantDialogTest : public ::testing::Test
{
protected:
    template <typename T>
    T *child(const QString &name) const
    {
        return dialog.findChild<T *>(name);
    }
    QLabel *errorFor(const QString &field) const { return child<QLabel>(field + u"Error"_s); }

    FakeTenantService service;
    TenantDialog dialog{&service};
};

TEST_F(TenantDialogTest, SuggestsSlugFromDisplayNameUntilEditedByHand)
{
    auto *name = child<QLineEdit>(u"displayNameEdit"_s);
    auto *slug = child<QLineEdit>(u"slugEdit"_s);
    name->setText(u"Café Müller & Söhne"_s);
    EXPECT_EQ(slug->text(), u"cafe-muller-sohne"_s);

    slug->setFocus();
    slug->selectAll();
    slug->insert(u"mueller"_s); // as typed: emits textEdited
    name->setText(u"Something else"_s);
    EXPECT_EQ(slug->text(), u"mueller"_s);
}

TEST_F(TenantDialogTest, ShowsInlineErrorsAndDoesNotCallServiceWhenInvalid)
{
    dialog.show();
    EXPECT_TRUE(errorFor(u"display_name"_s)->isHidden()); // nothing typed yet: no scolding

    child<QLineEdit>(u"slugEdit"_s)->setText(u"Admin"_s);
    child<QComboBox>(u"timeZoneCombo"_s)->setCurrentText(u"Mars/Olympus_Mons"_s);
    EXPECT_FALSE(dialog.submit());

    EXPECT_TRUE(service.calls().isEmpty());
    EXPECT_FALSE(errorFor(u"display_name"_s)->isHidden());
    EXPECT_FALSE(errorFor(u"slug"_s)->isHidden());
    EXPECT_TRUE(errorFor(u"slug"_s)->text().contains(u"reserved"_s));
    EXPECT_FALSE(errorFor(u"time_zone"_s)->isHidden());
    EXPECT_TRUE(errorFor(u"locale"_s)->isHidden());
}

TEST_F(TenantDialogTest, TakenSlugIsShownAtTheSlugField)
{
    service.seed({FakeTenantService::makeTenant(u"acme"_s)});
    dialog.show();
    child<QLineEdit>(u"displayNameEdit"_s)->setText(u"Acme"_s);

    EXPECT_FALSE(dialog.submit());

    EXPECT_EQ(service.calls(), QStringList{u"create acme"_s});
    EXPECT_FALSE(errorFor(u"slug"_s)->isHidden());
    EXPECT_TRUE(errorFor(u"slug"_s)->text().contains(u"taken"_s));
    EXPECT_FALSE(dialog.createdTenant().has_value());
}

TEST_F(TenantDialogTest, TheWizardMovesOnOnlyPastValidStepsAndCreatesAtTheReview)
{
    dialog.show();
    auto *next = child<QPushButton>(u"nextButton"_s);
    auto *back = child<QPushButton>(u"backButton"_s);
    auto *create = child<QPushButton>(u"createButton"_s);
    ASSERT_TRUE(next && back && create);
    EXPECT_EQ(dialog.currentStep(), 0);
    EXPECT_FALSE(back->isEnabled());
    EXPECT_FALSE(create->isVisible()) << "nothing to create before the review";

    EXPECT_FALSE(dialog.next()) << "a tenant needs a name";
    EXPECT_EQ(dialog.currentStep(), 0);
    EXPECT_FALSE(errorFor(u"display_name"_s)->isHidden());
    EXPECT_TRUE(errorFor(u"time_zone"_s)->isHidden()) << "later steps are not judged yet";

    child<QLineEdit>(u"displayNameEdit"_s)->setText(u"Wayne Enterprises"_s);
    next->click();
    EXPECT_EQ(dialog.currentStep(), 1);
    auto *plan = child<QComboBox>(u"planCombo"_s);
    plan->setCurrentIndex(plan->findData(u"basic"_s));
    child<QCheckBox>(u"activateCheck"_s)->setChecked(false);
    ASSERT_TRUE(dialog.next());
    EXPECT_EQ(dialog.currentStep(), 2);

    child<QComboBox>(u"timeZoneCombo"_s)->setCurrentText(u"Gotham/Downtown"_s);
    EXPECT_FALSE(dialog.next());
    EXPECT_EQ(dialog.currentStep(), 2);
    EXPECT_FALSE(errorFor(u"time_zone"_s)->isHidden());
    child<QComboBox>(u"timeZoneCombo"_s)->setCurrentText(u"America/New_York"_s);
    ASSERT_TRUE(dialog.next());
    EXPECT_EQ(dialog.currentStep(), TenantDialog::kStepCount - 1);
    EXPECT_TRUE(create->isVisible());
    EXPECT_FALSE(next->isVisible());
    const QString review = child<QLabel>(u"wizardReview"_s)->text();
    EXPECT_TRUE(review.contains(u"wayne-enterprises"_s));
    EXPECT_TRUE(review.contains(u"America/New_York"_s));
    EXPECT_TRUE(review.contains(plan->currentText()));
    EXPECT_TRUE(service.calls().isEmpty()) << "nothing is created while walking through";

    back->click();
    EXPECT_EQ(dialog.currentStep(), 2);
    next->click();
    create->click();
    EXPECT_EQ(service.calls(), QStringList{u"create wayne-enterprises"_s});
    const std::optional<Tenant> stored = service.find(u"wayne-enterprises"_s);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->plan, u"basic"_s);
    EXPECT_EQ(stored->status, TenantStatus::Pending);
    EXPECT_EQ(stored->config.timeZone, u"America/New_York"_s);
}

TEST_F(TenantDialogTest, ATakenSlugTakesTheWizardBackToItsStep)
{
    service.seed({FakeTenantService::makeTenant(u"acme"_s)});
    dialog.show();
    child<QLineEdit>(u"displayNameEdit"_s)->setText(u"Acme"_s);
    while (dialog.currentStep() < TenantDialog::kStepCount - 1)
        ASSERT_TRUE(dialog.next());
    EXPECT_FALSE(dialog.submit());
    EXPECT_EQ(dialog.currentStep(), 0);
    EXPECT_TRUE(errorFor(u"slug"_s)->isVisible());
}

TEST_F(TenantDialogTest, ShowsTheFirstKeyOnceAfterCreation)
{
    dialog.show();
    child<QLineEdit>(u"displayNameEdit"_s)->setText(u"Stark Industries"_s);
    auto *plan = child<QComboBox>(u"planCombo"_s);
    plan->setCurrentIndex(plan->findData(u"enterprise"_s));
    child<QComboBox>(u"timeZoneCombo"_s)->setCurrentText(u"Europe/Berlin"_s);

    ASSERT_TRUE(dialog.submit());

    const std::optional<Tenant> stored = service.find(u"stark-industries"_s);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->plan, u"enterprise"_s);
    EXPECT_EQ(stored->config.timeZone, u"Europe/Berlin"_s);
    EXPECT_EQ(stored->status, TenantStatus::Active);
    ASSERT_TRUE(dialog.createdTenant().has_value());

    auto *key = child<QLineEdit>(u"apiKeyField"_s);
    ASSERT_TRUE(key->isVisible());
    EXPECT_TRUE(key->isReadOnly());
    EXPECT_TRUE(key->text().startsWith(u"tnt_"_s));
    EXPECT_TRUE(child<QLabel>(u"keyWarningLabel"_s)->isVisible());
    EXPECT_TRUE(child<QLabel>(u"keyWarningLabel"_s)->text().contains(u"only once"_s));

    // Closing once the tenant exists counts as done, not cancelled.
    dialog.reject();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
}

TEST(MainWindowTest, TenantsMonitoringAndSettingsAreLiveAndStatusBarNamesTheConnection)
{
    FakeTenantService service;
    service.seed({FakeTenantService::makeTenant(u"acme"_s)});
    MainWindow window(&service, nullptr, u"Embedded catalog: /tmp/tenantry-test"_s);

    EXPECT_EQ(window.windowTitle(), u"Tenantry"_s);
    auto *sidebar = window.findChild<QListWidget *>(u"navigation"_s);
    ASSERT_NE(sidebar, nullptr);
    ASSERT_EQ(sidebar->count(), 6);
    EXPECT_EQ(sidebar->item(0)->text(), u"Tenants"_s);
    EXPECT_EQ(sidebar->item(3)->text(), u"Monitoring"_s);
    for (int row = 0; row < sidebar->count(); ++row) {
        const bool live = row == 0 || row == 3 || row == 5;
        EXPECT_EQ(bool(sidebar->item(row)->flags() & Qt::ItemIsEnabled), live) << row;
        EXPECT_EQ(sidebar->item(row)->toolTip().contains(u"coming soon"_s), !live) << row;
    }

    // Monitoring has nothing to watch until it is given metrics, and says so.
    sidebar->setCurrentRow(3);
    ASSERT_NE(window.monitoringPage(), nullptr);
    EXPECT_EQ(window.findChild<QStackedWidget *>()->currentWidget(), window.monitoringPage());
    EXPECT_FALSE(window.monitoringPage()->hasMetrics());
    EXPECT_FALSE(window.monitoringPage()->isSampling());
    sidebar->setCurrentRow(0);
    EXPECT_EQ(window.findChild<QLabel *>(u"connectionLabel"_s)->text(), u"Embedded catalog: /tmp/tenantry-test"_s);

    // Tenants load once the event loop runs.
    EXPECT_EQ(window.tenantsPage()->model()->rowCount(), 0);
    QApplication::processEvents();
    EXPECT_EQ(window.tenantsPage()->model()->rowCount(), 1);
}

} // namespace
