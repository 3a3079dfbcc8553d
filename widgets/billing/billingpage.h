#pragma once

#include "core/base/error.h"
#include "core/billing/billingservice.h"

#include <QWidget>

#include <atomic>
#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;
class QThread;
class QStandardItemModel;
class QTableView;

namespace Tenantry::Widgets {

class MessageBanner;

// The Subscriptions & Billing area of the console: every tenant's subscription (plan, cycle,
// status, current period, dunning) above the invoices of the selected tenant (number,
// kind, status, total, amount due, issue and due dates), and "Open PDF" for the selected
// invoice: rendered to a temporary file and opened with the desktop's viewer ("Save PDF…"
// writes it where the operator chooses). "Change Plan…" moves the selected subscription to
// another plan or cycle after showing its proration (PlanChangeDialog); "Run Billing Now"
// runs what the server's schedule runs, off the GUI thread, and can be stopped. Failures
// show in a banner above the tables.
//
// Reads and changes through Billing::BillingService only; does not own it (it must outlive the page).
// GUI thread only; the lists are one indexed query each.
class BillingPage final : public QWidget
{
    Q_OBJECT

public:
    // Opens a rendered PDF file; the default asks the desktop (QDesktopServices).
    using PdfOpener = std::function<void(const QString &path)>;
    // Runs a plan change of `row` with the operator; what was booked, if anything. The
    // default shows a PlanChangeDialog.
    using PlanChanger = std::function<std::optional<Billing::PlanChangeQuote>(const Billing::SubscriptionRow &row)>;

    explicit BillingPage(Billing::BillingService *billing, QWidget *parent = nullptr);
    // Stops a billing run in progress and waits for it.
    ~BillingPage() override;

    void setPdfOpener(PdfOpener opener) { m_openPdf = std::move(opener); }
    void setPlanChanger(PlanChanger changer) { m_changePlan = std::move(changer); }
    // The tables' models, for tests.
    QStandardItemModel *subscriptionsModel() const { return m_subscriptions; }
    QStandardItemModel *invoicesModel() const { return m_invoices; }
    QTableView *subscriptionsView() const { return m_subscriptionsView; }
    QTableView *invoicesView() const { return m_invoicesView; }

public Q_SLOTS:
    void reload();
    // Renders the selected invoice and opens it; false (with the banner) when that failed.
    bool openSelectedPdf();
    // Changes the selected subscription's plan (PlanChanger), then shows what holds now.
    void changeSelectedPlan();
    // Runs billing now on a worker thread, with its stage shown and Stop; the tables reload
    // and a banner sums the run up when it ends. No-op while one runs.
    void runBilling();
    void stopBilling();
    bool isBillingRunning() const { return m_run != nullptr; }

private:
    void loadInvoices();
    void savePdf();
    bool writePdf(const QString &id, const QString &path);
    QString selectedInvoice() const;
    // The slug of the selected subscription's tenant; empty when none is selected.
    QString selectedTenant() const;
    // Reloads both tables and selects the same tenant's subscription again.
    void reloadKeepingSelection();
    void fail(const QString &what, const Error &error);
    void billingDone(const Result<Billing::BillingRunReport> &report);

    Billing::BillingService *m_billing;
    MessageBanner *m_banner;
    QLabel *m_summary;
    QStandardItemModel *m_subscriptions;
    QStandardItemModel *m_invoices;
    QTableView *m_subscriptionsView;
    QTableView *m_invoicesView;
    QPushButton *m_openButton;
    QPushButton *m_changePlanButton;
    QPushButton *m_saveButton;
    QLabel *m_invoicesTitle;
    PdfOpener m_openPdf;
    PlanChanger m_changePlan;
    QPushButton *m_runButton;
    QWidget *m_runRow;
    QLabel *m_runLabel;
    QProgressBar *m_runProgress;
    QThread *m_run = nullptr;
    std::atomic<bool> m_stopRun{false};
    QList<Billing::SubscriptionRow> m_rows; // as last loaded, for the plan change
};

} // namespace Tenantry::Widgets
