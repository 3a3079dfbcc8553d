#pragma once

#include "core/base/result.h"
#include "core/observe/audittrail.h"
#include "widgets/audit/auditworker.h"

#include <QThread>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QProgressDialog;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Tenantry {
class TenantService;
}

namespace Tenantry::Widgets {

class AuditFilterBar;
class AuditTableModel;
class JsonDiffView;
class MessageBanner;

// The Audit Log area of the console: filters (tenant, actor, action, time range) above a
// table of matching entries, newest first and loaded as the operator scrolls, and a pane with
// the selected entry in full, its before and after state side by side with the changed keys
// highlighted. "Verify chain…" checks the whole hash chain and "Export…" writes the entries
// matching the applied filters to a CSV or JSON lines file; both run on a worker thread with
// a progress dialog, so the window stays responsive.
//
// Load failures (including a filter the trail refuses) show in a banner above the table;
// verify and export results and failures in a message box. Both, and the file dialog, are
// replaceable so tests can run without modal dialogs.
//
// Reads through AuditTrail only. Does not own the trail or the tenant service; both must
// outlive the page. GUI thread only: the table's queries run synchronously on it, like the
// Tenants page's, and are small and indexed.
class AuditPage final : public QWidget
{
    Q_OBJECT

public:
    // Shows that `what` (a translated sentence such as "Could not export the audit log.") failed.
    using ErrorPresenter = std::function<void(const QString &what, const Error &error)>;
    // Shows the outcome of a verification.
    using VerifyPresenter = std::function<void(const Observe::VerifyReport &report)>;
    // Shows the outcome of an export: `written` entries are in `path`.
    using ExportPresenter = std::function<void(qint64 written, const QString &path)>;

    AuditPage(Observe::AuditTrail *trail, TenantService *tenants, QWidget *parent = nullptr);
    // Stops a running export and waits for the worker thread.
    ~AuditPage() override;

    AuditTableModel *model() const { return m_model; }
    // The filter row: fill it, then applyFilters().
    AuditFilterBar *filters() const { return m_filters; }

    // The query the filter row describes now (applied or not), with this page's page size.
    Result<Observe::AuditQuery> filterQuery() const;

    // The selected entry, if any.
    std::optional<Observe::AuditEntry> currentEntry() const;
    // Selects the loaded entry with this seq; false when it is not loaded.
    bool selectSeq(qint64 seq);

    // True while a verification or an export runs.
    bool isBusy() const { return m_busy; }

    void setErrorPresenter(ErrorPresenter present);
    void setVerifyPresenter(VerifyPresenter present);
    void setExportPresenter(ExportPresenter present);

public Q_SLOTS:
    // Loads the entries matching the filter row.
    void applyFilters();
    // Clears the filter row and loads the newest entries.
    void resetFilters();
    // Clears the filter row but for `action` (exact or a prefix such as "anomaly.*") and loads
    // the newest matching entries.
    void filterByAction(const QString &action);
    // Shows entry `seq` and the entries before it with no filters, and selects it (used to
    // show the first bad entry a verification found).
    void showEntry(qint64 seq);
    // Verifies the whole chain on the worker thread, with a progress dialog.
    void verifyChain();
    // Asks for a file and a format, then exports.
    void chooseExportFile();
    // Exports the entries matching the applied filters, oldest first, to `path` on the worker
    // thread, with a progress dialog that can cancel.
    void exportTo(const QString &path, Tenantry::Widgets::AuditWorker::Format format);

Q_SIGNALS:
    // A verification or export started (true) or ended (false), however it ended.
    void busyChanged(bool busy);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildDetailsPane();
    void load(const Observe::AuditQuery &query);
    void updateCount();
    void updateDetails();
    void updateEmptyState();
    void setBusy(bool busy);
    void startWorker();
    void presentError(const QString &what, const Error &error);
    void presentVerifyReport(const Observe::VerifyReport &report);
    void presentExport(qint64 written, const QString &path);
    qint64 newestSeq() const;

    Observe::AuditTrail *m_trail;
    AuditTableModel *m_model = nullptr;
    AuditFilterBar *m_filters = nullptr;
    bool m_loadedOnce = false;
    bool m_busy = false;

    ErrorPresenter m_presentError;
    VerifyPresenter m_presentVerify;
    ExportPresenter m_presentExport;

    QLabel *m_count = nullptr;
    QPushButton *m_verifyButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    MessageBanner *m_banner = nullptr;
    QStackedWidget *m_tableStack = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_empty = nullptr;

    // Details pane.
    QStackedWidget *m_details = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailSubtitle = nullptr;
    QLabel *m_detailTime = nullptr;
    QLabel *m_detailUtc = nullptr;
    QLabel *m_detailActor = nullptr;
    QLabel *m_detailTenant = nullptr;
    QLineEdit *m_detailTenantId = nullptr;
    QLabel *m_detailTarget = nullptr;
    QLabel *m_detailRequest = nullptr;
    QLabel *m_detailSource = nullptr;
    QLineEdit *m_detailHash = nullptr;
    QLineEdit *m_detailPrevHash = nullptr;
    JsonDiffView *m_diff = nullptr;

    // Background work: one thread for the page's lifetime (see AuditWorker).
    QThread m_thread;
    AuditWorker *m_worker = nullptr;
    QProgressDialog *m_progress = nullptr;
};

} // namespace Tenantry::Widgets
