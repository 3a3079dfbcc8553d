#include "app/console.h"

#include "app/consolequotaalerts.h"
#include "app/consoleusage.h"
#include "app/embeddedserver.h"
#include "app/remotebackend.h"
#include "app/runtime.h"
#include "app/screenshottour.h"
#include "app/translations.h"
#include "core/remote/remotemetrics.h"
#include "widgets/connection/connectdialog.h"
#include "widgets/connection/connectionprofile.h"
#include "widgets/connection/secretstore.h"
#include "widgets/mainwindow.h"
#include "widgets/settings/appearance.h"
#include "widgets/settings/consolepreferences.h"
#include "widgets/settings/settingspage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QProcess>
#include <QMessageBox>
#include <QSettings>

#include <memory>

using namespace Qt::StringLiterals;

namespace Tenantry::App {
namespace {

// What the console's window is built over: the services of a catalog it opened itself
// (with the embedded server it can run), or those of a remote server. Pointers, not owned.
struct ConsoleBackend {
    TenantService *tenants = nullptr;
    Observe::AuditTrail *audit = nullptr;
    Billing::BillingService *billing = nullptr;
    Quota::QuotaService *quotas = nullptr;
    Widgets::UsageSource *usage = nullptr;
    Widgets::QuotaAlertFeed *quotaAlerts = nullptr;
    Widgets::ServerControl *server = nullptr; // the embedded server; null for a remote one
    Observe::MetricsFeed *metrics = nullptr;  // a remote server's traffic; null: the embedded server's
    QString description;                      // what the status bar says the console is connected to
};

// Offers the saved profiles and opens the one chosen: another catalog or server means
// another process (its secrets read from the keychain by the new process).
void chooseConnection(Widgets::ConnectionProfiles &profiles, Widgets::SecretStore &secrets, const QString &current,
                      QWidget *parent)
{
    Widgets::ConnectDialog dialog(profiles, secrets, current, parent);
    QObject::connect(&dialog, &Widgets::ConnectDialog::connectRequested, &dialog, [](const QString &name) {
        if (QProcess::startDetached(QCoreApplication::applicationFilePath(), {u"--profile"_s, name}))
            QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    });
    dialog.exec();
}

// Builds the console's window over the backend. Texts are looked up and colours copied when
// widgets are built, so a change of language or theme builds a new window in the old one's
// place (same geometry, same area) while the backend and the embedded server keep running.
class ConsoleWindows final
{
public:
    ConsoleWindows(ConsoleBackend backend, QSettings &settings, Widgets::ConnectionProfiles &profiles,
                   Widgets::SecretStore &secrets, QString profileName)
        : m_backend(std::move(backend))
        , m_settings(settings)
        , m_profiles(profiles)
        , m_secrets(secrets)
        , m_profileName(std::move(profileName))
    {
    }

    Widgets::MainWindow &window() { return *m_window; }

    void build()
    {
        std::unique_ptr<Widgets::MainWindow> old = std::move(m_window);
        m_window = std::make_unique<Widgets::MainWindow>(
            m_backend.tenants, m_backend.audit,
            m_profileName.isEmpty()
                ? m_backend.description
                : QApplication::translate("Console", "Profile %1: %2").arg(m_profileName, m_backend.description));
        m_window->setConnectionChooser([this] { chooseConnection(m_profiles, m_secrets, m_profileName, m_window.get()); });
        m_window->setBilling(m_backend.billing);
        m_window->setQuotas(m_backend.quotas, m_backend.usage);
        m_window->setQuotaAlerts(m_backend.quotaAlerts);
        if (m_backend.server)
            m_window->setServerControl(m_backend.server);
        if (m_backend.metrics)
            m_window->setMonitoringFeed(m_backend.metrics);
        m_window->settingsPage()->setPreferences(Widgets::ConsolePreferences::load(m_settings));
        m_window->settingsPage()->setStorageDescription(m_settings.fileName());
        QObject::connect(m_window.get(), &Widgets::MainWindow::preferencesChanged, m_window.get(),
                         [this](const Widgets::ConsolePreferences &prefs) { change(prefs); });
        if (old) {
            m_window->restoreGeometry(old->saveGeometry());
            m_window->showArea(old->currentArea());
            // The old window is the one whose signal got us here: delete it once that returns.
            old.release()->deleteLater();
        }
        m_window->show();
    }

private:
    void change(const Widgets::ConsolePreferences &prefs)
    {
        prefs.save(m_settings);
        Widgets::applyTheme(prefs.theme);
        installTranslations(*QCoreApplication::instance(), prefs.language);
        QMetaObject::invokeMethod(m_window.get(), [this] { build(); }, Qt::QueuedConnection);
    }

    ConsoleBackend m_backend;
    QSettings &m_settings;
    Widgets::ConnectionProfiles &m_profiles;
    Widgets::SecretStore &m_secrets;
    QString m_profileName;
    std::unique_ptr<Widgets::MainWindow> m_window;
};

// Points `common` at the catalog of `profile`, with its database password from `secrets`.
Status applyProfile(const Widgets::ConnectionProfile &profile, Widgets::SecretStore &secrets,
                    Http::CommonOptions &common)
{
    if (!profile.dataDir.isEmpty())
        common.dataDir = profile.dataDir;
    common.databaseUrl.clear();
    if (profile.usesPostgres()) {
        auto password = secrets.read(profile.secretKey());
        if (!password)
            return password.error();
        common.databaseUrl = Widgets::withPassword(profile.databaseUrl, password->value_or(QString()));
    }
    return {};
}

// The remote server of `profile`, with its admin token from `secrets`, once it answered.
Result<std::unique_ptr<RemoteBackend>> openServer(const Widgets::ConnectionProfile &profile,
                                                  Widgets::SecretStore &secrets)
{
    auto token = secrets.read(profile.adminTokenKey());
    if (!token)
        return token.error();
    if (!token->has_value() || token->value().isEmpty())
        return Error::unauthenticated(u"admin-token-missing"_s,
                                      QApplication::translate("Console", "No admin token is saved for this profile: "
                                                                         "add it in File > Connect to…."));
    auto backend = std::make_unique<RemoteBackend>(Remote::AdminEndpoint{QUrl(profile.serverUrl), token->value().toUtf8()});
    if (Status answered = backend->check(); !answered)
        return answered.error();
    return backend;
}

} // namespace

int runConsole(int &argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Tenantry"_s);
    QApplication::setApplicationName(u"Tenantry"_s);
    QApplication::setApplicationVersion(QStringLiteral(TENANTRY_VERSION));
    QApplication::setApplicationDisplayName(u"Tenantry"_s);
    QSettings settings; // the operator's console preferences, e.g. ~/.config/Tenantry/Tenantry.conf
    const Widgets::ConsolePreferences prefs = Widgets::ConsolePreferences::load(settings);
    Widgets::applyTheme(prefs.theme);
    // TENANTRY_LANG chooses for this one run, over the saved choice.
    installTranslations(app, qEnvironmentVariableIsSet("TENANTRY_LANG") ? QString() : prefs.language);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Tenantry admin console. Commands: serve, tenants, keys (run 'tenantry serve --help')."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    // The embedded server takes the same settings as `tenantry serve`.
    QList<Http::OptionSpec> specs = Http::commonOptionSpecs();
    specs.append(Http::serveOptionSpecs());
    Http::addOptions(parser, specs);
    const QCommandLineOption startServer(u"start-server"_s, u"Start the embedded HTTP server at once."_s);
    parser.addOption(startServer);
    const QCommandLineOption screenshots(u"screenshots"_s,
                                         u"Save a picture of every page in <dir>, then quit (for documentation)."_s,
                                         u"dir"_s);
    parser.addOption(screenshots);
    const QCommandLineOption profileOption(
        u"profile"_s, u"Open the saved connection profile <name> (File > Connect to... saves them)."_s, u"name"_s);
    parser.addOption(profileOption);
    parser.process(app);

    Widgets::ConnectionProfiles profiles(settings);
    Widgets::SecretStore secrets(u"Tenantry"_s, QFileInfo(settings.fileName()).absolutePath() + u"/secrets.conf"_s);
    auto values = Http::OptionValues::resolve(parser, specs);
    Result<Http::ServeOptions> options = values ? Http::ServeOptions::from(values.value())
                                                : Result<Http::ServeOptions>(values.error());
    // A catalog named on the command line or in the environment wins; else --profile; else
    // the profile connected to last.
    QString profileName;
    if (options) {
        const bool catalogGiven = values->origin(u"data-dir"_s) != "default"_L1
            || values->origin(u"database"_s) != "default"_L1;
        profileName = parser.isSet(profileOption) ? parser.value(profileOption)
                                                  : catalogGiven ? QString() : profiles.lastUsed();
    }
    const std::optional<Widgets::ConnectionProfile> profile =
        profileName.isEmpty() ? std::nullopt : profiles.find(profileName);
    if (options && !profileName.isEmpty() && !profile)
        options = Error::notFound(u"profile-not-found"_s, u"There is no connection profile '%1'."_s.arg(profileName));

    const auto tourOf = [&](ConsoleWindows &windows) -> std::unique_ptr<ScreenshotTour> {
        if (!parser.isSet(screenshots))
            return nullptr;
        const QString language = qEnvironmentVariable("TENANTRY_LANG", prefs.language);
        auto tour = std::make_unique<ScreenshotTour>([&windows]() -> Widgets::MainWindow & { return windows.window(); },
                                                     parser.value(screenshots),
                                                     language.startsWith("zh"_L1) ? u"-zh"_s : QString());
        tour->start(u"acme"_s);
        return tour;
    };

    if (options && profile && profile->usesServer()) {
        Result<std::unique_ptr<RemoteBackend>> remote = openServer(*profile, secrets);
        if (!remote) {
            QMessageBox::critical(nullptr, QApplication::translate("Console", "Tenantry cannot connect"),
                                  QApplication::translate("Console", "The server of profile %1 (%2) cannot be used:\n\n%3")
                                      .arg(profile->name, profile->serverUrl, remote.error().message));
            chooseConnection(profiles, secrets, profile->name, nullptr);
            return 1;
        }
        RemoteBackend &backend = *remote.value();
        ConsoleWindows windows({&backend.tenants(), &backend.audit(), &backend.billing(), &backend.quotas(),
                                &backend.usage(), &backend.quotaAlerts(), nullptr, &backend.metrics(),
                                backend.describe()},
                               settings, profiles, secrets, profileName);
        windows.build();
        const std::unique_ptr<ScreenshotTour> tour = tourOf(windows);
        return QApplication::exec();
    }

    if (options && profile) {
        if (Status applied = applyProfile(*profile, secrets, options.value().common); !applied)
            options = applied.error();
    }
    Result<std::unique_ptr<Runtime>> runtime =
        options ? Runtime::open(options.value())
                : Result<std::unique_ptr<Runtime>>(options.error());
    if (!runtime) {
        QMessageBox::critical(nullptr, QApplication::translate("Console", "Tenantry cannot start"),
                              QApplication::translate("Console", "The catalog could not be opened:\n\n%1")
                                  .arg(runtime.error().message));
        return 1;
    }
    Runtime &rt = *runtime.value();
    EmbeddedServer server(rt, options.value(), values->origin(u"listen"_s) != "default"_L1);
    ConsoleUsage usage(rt, server);
    Storage::QuotaAlertRepository quotaAlertLog(rt.catalog(), rt.clock());
    ConsoleQuotaAlerts quotaAlerts(quotaAlertLog);
    ConsoleWindows windows({&rt.tenants(), &rt.audit(), &rt.billing(), &rt.quotas(), &usage, &quotaAlerts, &server,
                            nullptr, rt.catalog().describe()},
                           settings, profiles, secrets, profileName);
    windows.build();
    if (parser.isSet(startServer)) {
        if (Status started = server.start(); !started) {
            QMessageBox::warning(&windows.window(), QApplication::translate("Console", "Embedded server"),
                                 QApplication::translate("Console", "The embedded server could not be started:\n\n%1")
                                     .arg(started.error().message));
        }
    }
    const std::unique_ptr<ScreenshotTour> tour = tourOf(windows);
    const int code = QApplication::exec();
    server.stop();
    return code;
}

} // namespace Tenantry::App
