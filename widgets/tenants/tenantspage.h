#pragma once

#include "core/tenancy/lifecycle.h"
#include "core/tenancy/tenant.h"

#include <QWidget>

#include <array>
#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QStackedWidget;
class QTableView;
class QVBoxLayout;

namespace Tenantry {
class TenantService;
struct Error;
}

namespace Tenantry::Observe {
class AuditTrail;
}

namespace Tenantry::Widgets {

class TenantFilterProxy;
class TenantInsights;
class TenantLoader;
class TenantTableModel;
class UsageSource;

// The Tenants area of the console: a searchable, sortable table of every tenant, a pane
// with the selected tenant's details, and the actions on it: New, Clone, Activate,
// Suspend, Restore, Delete, Refresh. A lifecycle action is enabled only when nextStatus()
// allows it from the selected tenant's status.
//
// Every change goes through TenantService. A failure is shown to the operator (message,
// field errors, error code) and leaves the table as it was; a success updates that one row.
// Delete asks the operator to type the tenant's slug. The confirmation and the error
// display are replaceable, so tests can answer them without a modal dialog.
//
// Does not own the service; it must outlive the page. GUI thread only: service calls are
// made synchronously, under a wait cursor.
class TenantsPage final : public QWidget
{
    Q_OBJECT

public:
    enum class Action { New, Clone, Edit, Activate, Suspend, Restore, Delete, Refresh };

    // Asked before deleting `tenant`; true goes ahead.
    using DeleteConfirmation = std::function<bool(const Tenant &tenant)>;
    // Shows that `what` (a translated sentence such as "Could not suspend acme.") failed.
    using ErrorPresenter = std::function<void(const QString &what, const Error &error)>;

    explicit TenantsPage(TenantService *service, QWidget *parent = nullptr);
    ~TenantsPage() override;

    // The page's actions, also for menus and shortcuts elsewhere. Never null.
    QAction *action(Action which) const;

    TenantTableModel *model() const { return m_model; }
    TenantFilterProxy *filter() const { return m_proxy; }

    // The selected tenant, if any, as last seen by the page.
    std::optional<Tenant> currentTenant() const;
    // Selects and reveals the tenant with this slug, clearing the search and status filter
    // if they hide it. False when the table has no such tenant.
    bool selectTenant(const QString &slug);

    // Adds the selected tenant's usage bars and recent activity to the detail pane (either
    // may be null; not owned, they must outlive the page). Call once.
    void setInsights(UsageSource *usage, Observe::AuditTrail *audit);
    TenantInsights *insights() const { return m_insights; }

    // Replaces the type-the-slug dialog shown before Delete; an empty function restores it.
    void setDeleteConfirmation(DeleteConfirmation confirm);
    // Replaces the message box shown on failure; an empty function restores it.
    void setErrorPresenter(ErrorPresenter present);

    // True while a large catalog is still loading in the background.
    bool isLoading() const;

public Q_SLOTS:
    // Reloads every tenant from the service, keeping the selection where possible. The first
    // 1,000 come at once; more load on a worker thread with progress and Cancel above the
    // table (the rows shown stay until the load is complete). No-op while loading.
    void reload();
    // Stops a background load; the rows shown stay.
    void cancelLoad();

private:
    QWidget *buildDetailsPane();
    void createTenant();
    void cloneTenant();
    void editTenant();
    void showLoaded(const QList<Tenant> &tenants);
    void deleteTenant();
    void runLifecycle(LifecycleAction action);
    void refreshSelectionState();
    void updateDetails(const std::optional<Tenant> &tenant);
    void updateCount();
    void applyStatusFilter();
    bool confirmDeleteWithDialog(const Tenant &tenant);
    void showErrorBox(const QString &what, const Error &error);

    TenantService *m_service;
    TenantTableModel *m_model = nullptr;
    TenantFilterProxy *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QLabel *m_count = nullptr;
    std::array<QAction *, 8> m_actions{};

    DeleteConfirmation m_confirmDelete;
    ErrorPresenter m_presentError;

    // Details pane.
    QStackedWidget *m_details = nullptr;
    QLabel *m_detailName = nullptr;
    QLabel *m_detailSlug = nullptr;
    QLabel *m_detailStatus = nullptr;
    QLabel *m_detailPlan = nullptr;
    QLabel *m_detailIsolation = nullptr;
    QLabel *m_detailLocale = nullptr;
    QLabel *m_detailTimeZone = nullptr;
    QLabel *m_detailSwatch = nullptr;
    QLabel *m_detailColor = nullptr;
    QLabel *m_detailCreated = nullptr;
    QLabel *m_detailUpdated = nullptr;
    QLabel *m_detailId = nullptr;
    QLabel *m_detailPurgeLabel = nullptr;
    QLabel *m_detailPurge = nullptr;
    QVBoxLayout *m_detailLayout = nullptr;
    TenantLoader *m_loader = nullptr;
    QWidget *m_loadRow = nullptr;
    QLabel *m_loadLabel = nullptr;
    QProgressBar *m_loadProgress = nullptr;
    TenantInsights *m_insights = nullptr;
};

} // namespace Tenantry::Widgets
