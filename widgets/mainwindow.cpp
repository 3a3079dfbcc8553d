#include "widgets/mainwindow.h"

#include "core/observe/audittrail.h"
#include "widgets/alerts/alertwatcher.h"
#include "widgets/alerts/quotaalertwatcher.h"
#include "widgets/tenants/tenanttablemodel.h"
#include "widgets/billing/billingpage.h"
#include "widgets/audit/auditpage.h"
#include "widgets/audit/audittablemodel.h"
#include "widgets/messagebanner.h"
#include "widgets/monitoring/monitoringpage.h"
#include "widgets/quotas/quotaspage.h"
#include "widgets/servercontrol.h"
#include "widgets/settings/settingspage.h"
#include "widgets/tenants/tenantspage.h"
#include "widgets/uihelpers.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {
namespace {

constexpr int kPageRole = Qt::UserRole + 1; // index into the page stack; absent when not built yet
constexpr int kAreaRole = Qt::UserRole + 2; // the area's stable key, e.g. "tenants"

} // namespace

MainWindow::MainWindow(TenantService *tenants, Observe::AuditTrail *audit, QString connectionDescription,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_connectionDescription(std::move(connectionDescription))
{
    setWindowTitle(tr("Tenantry"));
    resize(1280, 800);

    m_pages = new QStackedWidget(this);
    m_tenantsPage = new TenantsPage(tenants, m_pages);
    m_pages->addWidget(m_tenantsPage);
    m_monitoringPage = new MonitoringPage(m_pages);
    m_pages->addWidget(m_monitoringPage);
    m_audit = audit;
    if (audit) {
        m_auditPage = new AuditPage(audit, tenants, m_pages);
        m_pages->addWidget(m_auditPage);
        m_alerts = new AlertWatcher(audit, this);
    }
    m_settingsPage = new SettingsPage(m_pages);
    m_pages->addWidget(m_settingsPage);
    connect(m_settingsPage, &SettingsPage::preferencesChanged, this, &MainWindow::preferencesChanged);

    buildSidebar();

    auto *divider = new QFrame(this);
    divider->setFrameShape(QFrame::VLine);
    divider->setFrameShadow(QFrame::Sunken);

    // The sidebar belongs to the window chrome, not the content: window colour, some air.
    auto *sidebarFrame = new QWidget(this);
    auto *sidebarLayout = new QVBoxLayout(sidebarFrame);
    sidebarLayout->setContentsMargins(6, 8, 6, 8);
    sidebarLayout->addWidget(m_sidebar);

    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    m_alertBanner = new MessageBanner(central);
    m_alertBanner->setObjectName(u"alertBanner"_s);
    auto *bannerRow = new QHBoxLayout; // takes no room while the banner is hidden
    bannerRow->setContentsMargins(8, 8, 8, 0);
    bannerRow->addWidget(m_alertBanner);
    column->addLayout(bannerRow);
    auto *layout = new QHBoxLayout;
    column->addLayout(layout, 1);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(sidebarFrame);
    layout->addWidget(divider);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    auto *connection = new QLabel(m_connectionDescription, this);
    connection->setObjectName(u"connectionLabel"_s);
    connection->setToolTip(tr("What this console is connected to"));
    connection->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(connection, 1);

    buildMenus();
    buildAlerts();

    // Show the window first; load once the event loop runs.
    QMetaObject::invokeMethod(m_tenantsPage, &TenantsPage::reload, Qt::QueuedConnection);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildSidebar()
{
    m_sidebar = new QListWidget(this);
    m_sidebar->setObjectName(u"navigation"_s);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setSpacing(2);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebar->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sidebar->setBackgroundRole(QPalette::Window);
    m_sidebar->viewport()->setBackgroundRole(QPalette::Window);
    QFont font = m_sidebar->font();
    font.setPointSizeF(font.pointSizeF() * 1.05);
    m_sidebar->setFont(font);

    struct Area {
        QString key;
        QString text;
        QString iconName;
        QStyle::StandardPixmap fallback;
        QWidget *page;
    };
    const Area areas[] = {
        {u"tenants"_s, tr("Tenants"), u"system-users"_s, QStyle::SP_DirHomeIcon, m_tenantsPage},
        {u"billing"_s, tr("Subscriptions & Billing"), u"view-financial-list"_s, QStyle::SP_FileDialogDetailedView, nullptr},
        {u"quotas"_s, tr("Quotas & Usage"), u"view-statistics"_s, QStyle::SP_DriveHDIcon, nullptr},
        {u"monitoring"_s, tr("Monitoring"), u"utilities-system-monitor"_s, QStyle::SP_ComputerIcon, m_monitoringPage},
        {u"audit"_s, tr("Audit Log"), u"view-history"_s, QStyle::SP_FileDialogContentsView, m_auditPage},
        {u"settings"_s, tr("Settings"), u"preferences-system"_s, QStyle::SP_FileDialogInfoView, m_settingsPage},
    };
    int widest = 0;
    for (const Area &area : areas) {
        auto *item = new QListWidgetItem(themedIcon(this, area.iconName, area.fallback), area.text, m_sidebar);
        item->setSizeHint(QSize(0, m_sidebar->fontMetrics().height() + 16));
        item->setData(kAreaRole, area.key);
        widest = std::max(widest, m_sidebar->fontMetrics().horizontalAdvance(area.text));
        if (area.page == m_auditPage)
            m_auditItem = item;
        if (area.key == "billing"_L1)
            m_billingItem = item;
        if (area.key == "quotas"_L1)
            m_quotasItem = item;
        if (area.page) {
            item->setData(kPageRole, m_pages->indexOf(area.page));
        } else {
            item->setFlags(Qt::NoItemFlags);
            item->setToolTip(tr("%1: coming soon").arg(area.text));
        }
    }
    m_sidebar->setFixedWidth(widest + m_sidebar->iconSize().width() + 48);

    connect(m_sidebar, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && item->data(kPageRole).isValid())
            m_pages->setCurrentIndex(item->data(kPageRole).toInt());
    });
    m_sidebar->setCurrentRow(0);
}

QString MainWindow::currentArea() const
{
    const QListWidgetItem *item = m_sidebar->currentItem();
    return item ? item->data(kAreaRole).toString() : QString();
}

bool MainWindow::showArea(const QString &key)
{
    for (int row = 0; row < m_sidebar->count(); ++row) {
        QListWidgetItem *item = m_sidebar->item(row);
        if (item->data(kAreaRole).toString() == key) {
            if (!item->data(kPageRole).isValid())
                return false;
            m_sidebar->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void MainWindow::setBilling(Billing::BillingService *billing)
{
    if (m_billingPage || !billing)
        return;
    m_billingPage = new BillingPage(billing, m_pages);
    m_pages->addWidget(m_billingPage);
    m_billingItem->setData(kPageRole, m_pages->indexOf(m_billingPage));
    m_billingItem->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    m_billingItem->setToolTip(QString());
    QMetaObject::invokeMethod(m_billingPage, &BillingPage::reload, Qt::QueuedConnection);
}

void MainWindow::setQuotas(Quota::QuotaService *quotas, UsageSource *usage)
{
    if (m_quotasPage || !quotas)
        return;
    m_quotasPage = new QuotasPage(quotas, m_tenantsPage->model(), usage, m_pages);
    m_tenantsPage->setInsights(usage, m_audit);
    m_pages->addWidget(m_quotasPage);
    m_quotasItem->setData(kPageRole, m_pages->indexOf(m_quotasPage));
    m_quotasItem->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    m_quotasItem->setToolTip(QString());
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_fileMenu = file;
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *tenants = menuBar()->addMenu(tr("&Tenants"));
    using A = TenantsPage::Action;
    for (A which : {A::New, A::Clone, A::Edit})
        tenants->addAction(m_tenantsPage->action(which));
    tenants->addSeparator();
    for (A which : {A::Activate, A::Suspend, A::Restore})
        tenants->addAction(m_tenantsPage->action(which));
    tenants->addSeparator();
    tenants->addAction(m_tenantsPage->action(A::Delete));
    tenants->addSeparator();
    tenants->addAction(m_tenantsPage->action(A::Refresh));

    m_serverMenu = menuBar()->addMenu(tr("&Server"));
    m_serverMenu->menuAction()->setVisible(false); // until there is a server to control
    m_startServer = m_serverMenu->addAction(tr("&Start Embedded Server"), this, &MainWindow::startServer);
    m_stopServer = m_serverMenu->addAction(tr("S&top Embedded Server"), this, [this] { m_server->stop(); });
    m_serverMenu->addSeparator();
    m_copyServerUrl = m_serverMenu->addAction(tr("Copy Server &URL"), this, [this] {
        QGuiApplication::clipboard()->setText(m_server->url());
    });
    m_copyAdminToken = m_serverMenu->addAction(tr("Copy &Admin Token"), this, [this] {
        QGuiApplication::clipboard()->setText(QString::fromLatin1(m_server->adminToken()));
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Tenantry"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::setConnectionChooser(std::function<void()> choose)
{
    QAction *first = m_fileMenu->actions().value(0);
    auto *connectAction = new QAction(tr("&Connect to…"), m_fileMenu);
    connectAction->setObjectName(u"connectAction"_s);
    connectAction->setToolTip(tr("Open another catalog or server from the saved connection profiles"));
    connect(connectAction, &QAction::triggered, this, std::move(choose));
    m_fileMenu->insertAction(first, connectAction);
    m_fileMenu->insertSeparator(first);
}

void MainWindow::setServerControl(ServerControl *server)
{
    m_server = server;
    m_serverMenu->menuAction()->setVisible(server != nullptr);
    if (!server)
        return;
    m_serverLabel = new QLabel(this);
    m_serverLabel->setObjectName(u"serverLabel"_s);
    m_serverLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_serverLabel);
    connect(server, &ServerControl::runningChanged, this, &MainWindow::updateServerState);
    updateServerState();
}

void MainWindow::setMonitoringFeed(Observe::MetricsFeed *feed, std::function<QString(const QString &)> slugOf)
{
    m_monitoringFeed = feed;
    m_monitoringPage->setFeed(feed, std::move(slugOf));
}

void MainWindow::startServer()
{
    if (Status started = m_server->start(); !started) {
        QMessageBox::warning(this, tr("Embedded server"),
                             tr("The embedded server could not be started:\n\n%1").arg(started.error().message));
    }
}

void MainWindow::updateServerState()
{
    const bool running = m_server->isRunning();
    if (!m_monitoringFeed) {
        m_monitoringPage->setMetrics(running ? m_server->metrics() : nullptr,
                                     [server = m_server](const QString &tenantId) { return server->slugOf(tenantId); });
    }
    m_startServer->setEnabled(!running);
    m_stopServer->setEnabled(running);
    m_copyServerUrl->setEnabled(running);
    m_copyAdminToken->setEnabled(running);
    m_serverLabel->setText(running ? tr("Server: %1").arg(m_server->url()) : tr("Server: stopped"));
    m_serverLabel->setToolTip(running ? tr("The embedded HTTP server is answering at %1 (Server menu to stop it)")
                                            .arg(m_server->url())
                                      : tr("The embedded HTTP server is not running (Server menu to start it)"));
}

void MainWindow::buildAlerts()
{
    m_alertBanner->setClosable(false);
    QPushButton *show = m_alertBanner->addButton(tr("&Show"));
    show->setObjectName(u"showAlertButton"_s);
    QPushButton *dismiss = m_alertBanner->addButton(tr("&Dismiss"));
    dismiss->setObjectName(u"dismissAlertButton"_s);
    connect(show, &QPushButton::clicked, this, [this] {
        if (m_bannerQuotaSlug.isEmpty()) {
            showAlerts(m_bannerSeq);
            return;
        }
        if (showArea(u"quotas"_s))
            m_quotasPage->selectTenant(m_bannerQuotaSlug);
        m_alertBanner->hide();
    });
    connect(dismiss, &QPushButton::clicked, m_alertBanner, &QWidget::hide);

    m_alertIndicator = new QToolButton(this);
    m_alertIndicator->setObjectName(u"alertIndicator"_s);
    m_alertIndicator->setAutoRaise(true);
    m_alertIndicator->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_alertIndicator->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this));
    m_alertIndicator->setIconSize(QSize(16, 16));
    m_alertIndicator->hide();
    connect(m_alertIndicator, &QToolButton::clicked, this, [this] { showAlerts(); });
    statusBar()->addPermanentWidget(m_alertIndicator);

    if (!m_alerts)
        return;
    connect(m_alerts, &AlertWatcher::alertRaised, this, &MainWindow::raiseAlert);
    connect(m_alerts, &AlertWatcher::pollFailed, this, [this](const Error &error) {
        // Shorter than the polling interval, so a lasting failure does not hide the status bar.
        statusBar()->showMessage(tr("Checking for alerts failed: %1").arg(error.message), 3000);
    });
    // Entries recorded before the window opened are not alerts; start from the newest one.
    QMetaObject::invokeMethod(this, [this] { (void)m_alerts->start(); }, Qt::QueuedConnection);
}

void MainWindow::raiseAlert(const Observe::AuditEntry &entry)
{
    ++m_unseenAlerts;
    updateAlertIndicator();

    // The slug as the console knows it now; else as the detector recorded it ("tenant:acme").
    QString tenant = entry.tenantId;
    if (const auto slug = m_auditPage->model()->slugOf(entry.tenantId))
        tenant = *slug;
    else if (entry.target.startsWith("tenant:"_L1))
        tenant = entry.target.mid(7);
    QString text = AlertWatcher::describe(entry, tenant);
    m_monitoringPage->showAlert(entry.at, tenant, text);
    if (m_unseenAlerts > 1)
        text = tr("%1 (%2 unseen alerts)").arg(text).arg(m_unseenAlerts);
    m_bannerSeq = entry.seq;
    m_bannerQuotaSlug.clear();
    m_alertBanner->showMessage(MessageBanner::Kind::Warning, text);
}

void MainWindow::setQuotaAlerts(QuotaAlertFeed *feed)
{
    if (m_quotaAlerts || !feed)
        return;
    m_quotaAlerts = new QuotaAlertWatcher(feed, this);
    connect(m_quotaAlerts, &QuotaAlertWatcher::alertRaised, this, &MainWindow::raiseQuotaAlert);
    // Alerts recorded before the window opened are not news; start from the newest one.
    QMetaObject::invokeMethod(this, [this] { (void)m_quotaAlerts->start(); }, Qt::QueuedConnection);
}

void MainWindow::raiseQuotaAlert(const Quota::QuotaAlert &alert)
{
    const TenantTableModel *tenants = m_tenantsPage->model();
    const QString slug = tenants->slugOf(alert.tenantId).value_or(alert.tenantId);
    const QString text = QuotaAlertWatcher::describe(alert, slug);
    m_monitoringPage->showAlert(QDateTime::fromMSecsSinceEpoch(alert.atMs, Qt::UTC), slug, text);
    m_bannerQuotaSlug = slug;
    m_alertBanner->showMessage(alert.threshold >= 100 ? MessageBanner::Kind::Error : MessageBanner::Kind::Warning,
                               text);
}

void MainWindow::showAlerts(qint64 seq)
{
    if (!m_auditPage)
        return;
    m_sidebar->setCurrentItem(m_auditItem);
    m_auditPage->filterByAction(u"anomaly.*"_s);
    if (seq > 0)
        m_auditPage->selectSeq(seq);
    m_unseenAlerts = 0;
    updateAlertIndicator();
    m_alertBanner->hide();
}

void MainWindow::updateAlertIndicator()
{
    m_alertIndicator->setText(QLocale().toString(m_unseenAlerts));
    m_alertIndicator->setToolTip(tr("Unseen alerts: %1. Click to see them in the Audit Log.")
                                     .arg(QLocale().toString(m_unseenAlerts)));
    m_alertIndicator->setVisible(m_unseenAlerts > 0);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Tenantry"),
                       tr("<h3>Tenantry %1</h3>"
                          "<p>Operator console for the Tenantry multi-tenancy platform.</p>"
                          "<p>Connected to: %2</p>")
                           .arg(QCoreApplication::applicationVersion().toHtmlEscaped(),
                                m_connectionDescription.toHtmlEscaped()));
}

} // namespace Tenantry::Widgets
