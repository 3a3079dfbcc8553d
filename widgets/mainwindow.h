#pragma once

#include "widgets/settings/consolepreferences.h"

#include <QMainWindow>

#include <functional>

class QLabel;
class QListWidget;
class QMenu;
class QListWidgetItem;
class QStackedWidget;
class QToolButton;

namespace Tenantry {
class TenantService;
}

namespace Tenantry::Observe {
class AuditTrail;
struct AuditEntry;
class MetricsFeed;
}

namespace Tenantry::Billing {
class BillingService;
}

namespace Tenantry::Quota {
class QuotaService;
struct QuotaAlert;
}

namespace Tenantry::Widgets {

class BillingPage;
class QuotaAlertFeed;
class QuotaAlertWatcher;
class QuotasPage;
class UsageSource;

class ServerControl;
class MonitoringPage;
class AlertWatcher;
class AuditPage;
class MessageBanner;
class SettingsPage;
class TenantsPage;

// The operator console's top-level window: a sidebar of the console's areas (Tenants,
// Subscriptions & Billing, Quotas & Usage, Monitoring, Audit Log, Settings), one page per
// area, and a status bar naming what the console is connected to. Areas that do not exist
// yet are listed disabled, marked "coming soon", and have no page.
//
// With an audit trail it also has the Audit Log page and watches the trail for alerts
// (AlertWatcher): each new one shows in a banner at the top of the window (Show / Dismiss)
// and counts in a status-bar indicator until the operator looks at them in the Audit Log.
//
// The tenants are loaded once the event loop runs, so the window appears before a slow
// catalog answers. Does not own `tenants` or `audit`; they must outlive the window. GUI
// thread only.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // `connectionDescription` is shown as is, e.g. "Embedded catalog: /home/x/.local/share/Tenantry".
    // `audit` may be null: the Audit Log area is then listed as not available.
    MainWindow(TenantService *tenants, Observe::AuditTrail *audit, QString connectionDescription,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    TenantsPage *tenantsPage() const { return m_tenantsPage; }
    // Shows "not running" until given metrics (MonitoringPage::setMetrics()) or a feed
    // (setMonitoringFeed()).
    MonitoringPage *monitoringPage() const { return m_monitoringPage; }
    // Charts `feed` on the Monitoring page, e.g. the Remote::RemoteMetrics of the server the
    // console is connected to, its tenants named by `slugOf` if given, else by the feed
    // (MonitoringPage::setFeed()); from then on the embedded server's metrics are not charted.
    // Not owned; it must outlive the window. Call once, before show().
    void setMonitoringFeed(Observe::MetricsFeed *feed, std::function<QString(const QString &tenantId)> slugOf = {});

    // Adds File > Connect to… which calls `choose` (the application shows the profiles and
    // opens the one chosen). Call once, before show().
    void setConnectionChooser(std::function<void()> choose);

    // Offers starting and stopping the embedded server (Server menu, status bar). Not owned;
    // it must outlive the window. Call once, before show().
    void setServerControl(ServerControl *server);
    // Adds the Subscriptions & Billing page over `billing` (not owned; it must outlive the
    // window). Call once, before show().
    void setBilling(Billing::BillingService *billing);
    // Null until setBilling().
    BillingPage *billingPage() const { return m_billingPage; }
    // Adds the Quotas & Usage page over `quotas`, with current use from `usage` (may be
    // null), which the Tenants page's detail pane shows as bars too. Neither is owned; they
    // must outlive the window. Call once, before show().
    void setQuotas(Quota::QuotaService *quotas, UsageSource *usage);
    // Null until setQuotas().
    QuotasPage *quotasPage() const { return m_quotasPage; }
    // Watches `feed` for quota alerts recorded from now on: each shows in the Monitoring
    // page's alerts and in the banner, whose Show opens the tenant on the Quotas & Usage
    // page. Not owned; it must outlive the window. Call once, before show().
    void setQuotaAlerts(QuotaAlertFeed *feed);
    QuotaAlertWatcher *quotaAlertWatcher() const { return m_quotaAlerts; }
    // Null without an audit trail.
    AuditPage *auditPage() const { return m_auditPage; }
    // Null without an audit trail. Its alertRaised signal is the hook for anything else that
    // lists alerts.
    AlertWatcher *alertWatcher() const { return m_alerts; }
    // Alerts raised since the operator last looked at them.
    int unseenAlerts() const { return m_unseenAlerts; }
    // Always present; its choices come out as preferencesChanged.
    SettingsPage *settingsPage() const { return m_settingsPage; }

    // The shown area's key: "tenants", "billing", "quotas", "monitoring", "audit" or
    // "settings". showArea() goes there; false when the area has no page in this window.
    QString currentArea() const;
    bool showArea(const QString &key);

Q_SIGNALS:
    // The operator chose another language or theme on the Settings page. Applying it is the
    // owner's job: texts are looked up when widgets are built, so it rebuilds the window.
    void preferencesChanged(const Tenantry::Widgets::ConsolePreferences &prefs);

public Q_SLOTS:
    // Opens the Audit Log filtered to anomalies, selects entry `seq` if given, and counts the
    // alerts as seen.
    void showAlerts(qint64 seq = 0);

private:
    void buildSidebar();
    void buildMenus();
    void buildAlerts();
    void raiseAlert(const Observe::AuditEntry &entry);
    void raiseQuotaAlert(const Quota::QuotaAlert &alert);
    void updateAlertIndicator();
    void showAbout();
    void startServer();
    void updateServerState();

    QString m_connectionDescription;
    Observe::AuditTrail *m_audit = nullptr;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    TenantsPage *m_tenantsPage = nullptr;
    ServerControl *m_server = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_serverMenu = nullptr;
    QAction *m_startServer = nullptr;
    QAction *m_stopServer = nullptr;
    QAction *m_copyServerUrl = nullptr;
    QAction *m_copyAdminToken = nullptr;
    QLabel *m_serverLabel = nullptr;
    MonitoringPage *m_monitoringPage = nullptr;
    Observe::MetricsFeed *m_monitoringFeed = nullptr;
    AuditPage *m_auditPage = nullptr;
    QListWidgetItem *m_auditItem = nullptr;
    QListWidgetItem *m_billingItem = nullptr;
    BillingPage *m_billingPage = nullptr;
    QListWidgetItem *m_quotasItem = nullptr;
    QuotasPage *m_quotasPage = nullptr;
    QuotaAlertWatcher *m_quotaAlerts = nullptr;
    QString m_bannerQuotaSlug; // the banner shows a quota alert of this tenant; empty: an anomaly
    SettingsPage *m_settingsPage = nullptr;
    AlertWatcher *m_alerts = nullptr;
    MessageBanner *m_alertBanner = nullptr;
    QToolButton *m_alertIndicator = nullptr;
    qint64 m_bannerSeq = 0;
    int m_unseenAlerts = 0;
};

} // namespace Tenantry::Widgets
