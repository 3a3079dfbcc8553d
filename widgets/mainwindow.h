#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace Tenantry {
class TenantService;
}

namespace Tenantry::Widgets {

class ServerControl;
class MonitoringPage;
class TenantsPage;

// The operator console's top-level window: a sidebar of the console's areas (Tenants,
// Subscriptions & Billing, Quotas & Usage, Monitoring, Audit Log, Settings), one page per
// area, and a status bar naming what the console is connected to. Areas that do not exist
// yet are listed disabled, marked "coming soon", and have no page.
//
// The tenants are loaded once the event loop runs, so the window appears before a slow
// catalog answers. Does not own `tenants`; it must outlive the window. GUI thread only.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // `connectionDescription` is shown as is, e.g. "Embedded catalog: /home/x/.local/share/Tenantry".
    MainWindow(TenantService *tenants, QString connectionDescription, QWidget *parent = nullptr);
    ~MainWindow() override;

    TenantsPage *tenantsPage() const { return m_tenantsPage; }
    // Shows "not running" until given metrics (MonitoringPage::setMetrics()).
    MonitoringPage *monitoringPage() const { return m_monitoringPage; }

    // Offers starting and stopping the embedded server (Server menu, status bar). Not owned;
    // it must outlive the window. Call once, before show().
    void setServerControl(ServerControl *server);

private:
    void buildSidebar();
    void buildMenus();
    void showAbout();
    void startServer();
    void updateServerState();

    QString m_connectionDescription;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    TenantsPage *m_tenantsPage = nullptr;
    ServerControl *m_server = nullptr;
    QMenu *m_serverMenu = nullptr;
    QAction *m_startServer = nullptr;
    QAction *m_stopServer = nullptr;
    QAction *m_copyServerUrl = nullptr;
    QAction *m_copyAdminToken = nullptr;
    QLabel *m_serverLabel = nullptr;
    MonitoringPage *m_monitoringPage = nullptr;
};

} // namespace Tenantry::Widgets
