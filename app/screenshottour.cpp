#include "app/screenshottour.h"

#include "widgets/audit/auditpage.h"
#include "widgets/audit/audittablemodel.h"
#include "widgets/billing/billingpage.h"
#include "widgets/mainwindow.h"
#include "widgets/monitoring/monitoringpage.h"
#include "widgets/quotas/quotaspage.h"
#include "widgets/tenants/tenantdialog.h"
#include "widgets/tenants/tenantspage.h"
#include "widgets/tenants/tenanttablemodel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Tenantry::App {
namespace {

struct Stop {
    const char *area;
    int settleMs; // how long the page gets to load and draw before the picture
};

// Monitoring last and longest: its charts fill as the traffic goes on.
// "new-tenant" is the Tenants page's create wizard at its review, "plan-change" the Billing
// page's plan change dialog, each shot on its own (and closed, creating or changing nothing).
const Stop kStops[] = {{"tenants", 1500}, {"new-tenant", 1200}, {"billing", 1500}, {"plan-change", 1500},
                       {"quotas", 2500},  {"audit", 2500},      {"settings", 800}, {"monitoring", 40000}};

} // namespace

ScreenshotTour::ScreenshotTour(std::function<Widgets::MainWindow &()> window, QString dir, QString suffix,
                               QObject *parent)
    : QObject(parent)
    , m_window(std::move(window))
    , m_dir(std::move(dir))
    , m_suffix(std::move(suffix))
{
}

void ScreenshotTour::start(const QString &focusSlug)
{
    m_focus = focusSlug;
    QDir().mkpath(m_dir);
    QTimer::singleShot(1500, this, &ScreenshotTour::step);
}

void ScreenshotTour::step()
{
    if (m_next > 0 && !shoot(QString::fromLatin1(kStops[m_next - 1].area)))
        ++m_failures;
    if (m_next == int(std::size(kStops))) {
        QApplication::exit(m_failures == 0 ? 0 : 1);
        return;
    }
    const Stop &stop = kStops[m_next++];
    Widgets::MainWindow &w = m_window();
    const QString area = QString::fromLatin1(stop.area);
    if (area == "new-tenant"_L1) {
        openNewTenant();
        QTimer::singleShot(stop.settleMs, this, &ScreenshotTour::step);
        return;
    }
    if (area == "plan-change"_L1) {
        openPlanChange();
        QTimer::singleShot(stop.settleMs, this, &ScreenshotTour::step);
        return;
    }
    if (!w.showArea(area))
        std::fprintf(stderr, "screenshots: the %s page is not available\n", stop.area);
    if (area == "tenants"_L1) {
        w.tenantsPage()->selectTenant(m_focus);
    } else if (area == "billing"_L1 && w.billingPage()) {
        QStandardItemModel *subs = w.billingPage()->subscriptionsModel();
        for (int row = 0; row < subs->rowCount(); ++row) {
            if (subs->index(row, 0).data().toString() == m_focus)
                w.billingPage()->subscriptionsView()->selectRow(row);
        }
    } else if (area == "quotas"_L1 && w.quotasPage()) {
        w.quotasPage()->selectTenant(m_focus);
    } else if (area == "audit"_L1 && w.auditPage()) {
        // A change with its before and after, rather than the traffic's failed logins.
        w.auditPage()->filterByAction(u"tenant.quotas"_s);
        QTimer::singleShot(stop.settleMs / 2, this, [this] {
            Widgets::AuditPage *audit = m_window().auditPage();
            if (audit->model()->rowCount() > 0)
                audit->selectSeq(audit->model()->entryAt(0).seq);
        });
    } else if (area == "monitoring"_L1) {
        const Widgets::TenantTableModel *tenants = w.tenantsPage()->model();
        if (const int row = tenants->rowOfSlug(m_focus); row >= 0)
            w.monitoringPage()->selectTenant(tenants->tenantAt(row).id);
    }
    QTimer::singleShot(stop.settleMs, this, &ScreenshotTour::step);
}

void ScreenshotTour::openNewTenant()
{
    // The wizard runs its own event loop; fill its first step and walk to the review.
    QTimer::singleShot(0, this, [this] { m_window().tenantsPage()->action(Widgets::TenantsPage::Action::New)->trigger(); });
    QTimer::singleShot(300, this, [] {
        auto *wizard = qobject_cast<Widgets::TenantDialog *>(QApplication::activeModalWidget());
        if (!wizard) {
            std::fprintf(stderr, "screenshots: the new tenant wizard did not open\n");
            return;
        }
        wizard->findChild<QLineEdit *>(u"displayNameEdit"_s)->setText(u"Wayne Enterprises"_s);
        auto *plan = wizard->findChild<QComboBox *>(u"planCombo"_s);
        plan->setCurrentIndex(plan->findData(u"pro"_s));
        wizard->findChild<QComboBox *>(u"timeZoneCombo"_s)->setCurrentText(u"America/New_York"_s);
        while (wizard->currentStep() < Widgets::TenantDialog::kStepCount - 1 && wizard->next()) {
        }
    });
}

void ScreenshotTour::openPlanChange()
{
    auto *button = m_window().findChild<QPushButton *>(u"changePlanButton"_s);
    if (!button || !button->isEnabled()) {
        std::fprintf(stderr, "screenshots: no subscription to change the plan of\n");
        return;
    }
    // The dialog runs its own event loop; pick an upgrade once it is up.
    QTimer::singleShot(0, button, &QPushButton::click);
    QTimer::singleShot(300, this, [] {
        QWidget *dialog = QApplication::activeModalWidget();
        auto *plan = dialog ? dialog->findChild<QComboBox *>(u"planChoice"_s) : nullptr;
        if (plan)
            plan->setCurrentIndex(plan->findData(u"enterprise"_s));
    });
}

bool ScreenshotTour::shoot(const QString &area)
{
    const QString path = QDir(m_dir).filePath(u"console-%1%2.png"_s.arg(area, m_suffix));
    QWidget *modal = QApplication::activeModalWidget();
    const bool saved = (modal ? modal->grab() : m_window().grab()).save(path);
    if (auto *dialog = qobject_cast<QDialog *>(modal))
        dialog->reject();
    std::fprintf(stderr, "screenshots: %s %s\n", saved ? "wrote" : "could not write", qPrintable(path));
    return saved;
}

} // namespace Tenantry::App
