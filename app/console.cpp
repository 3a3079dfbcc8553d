#include "app/console.h"

#include "app/consolequotaalerts.h"
#include "app/consoleusage.h"
#include "app/embeddedserver.h"
#include "app/runtime.h"
#include "app/screenshottour.h"
#include "app/translations.h"
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

// Builds the console's window over the running core. Texts are looked up and colours
// copied when widgets are built, so a change of language or theme builds a new window in
// the old one's place (same geometry, same area) while the core and the embedded server
// keep running.
class ConsoleWindows final
{
public:
    ConsoleWindows(Runtime &runtime, EmbeddedServer &server, QSettings &settings, Widgets::ConnectionProfiles &profiles,
                   Widgets::SecretStore &secrets, QString profileName)
        : m_runtime(runtime)
        , m_server(server)
        , m_settings(settings)
        , m_profiles(profiles)
        , m_secrets(secrets)
        , m_profileName(std::move(profileName))
        , m_usage(runtime, server)
        , m_quotaAlertLog(runtime.catalog(), runtime.clock())
        , m_quotaAlerts(m_quotaAlertLog)
    {
    }

    Widgets::MainWindow &window() { return *m_window; }

    void build()
    {
        std::unique_ptr<Widgets::MainWindow> old = std::move(m_window);
        const QString catalog = m_runtime.catalog().describe();
        m_window = std::make_unique<Widgets::MainWindow>(
            &m_runtime.tenants(), &m_runtime.audit(),
            m_profileName.isEmpty() ? catalog
                                    : QApplication::translate("Console", "Profile %1: %2").arg(m_profileName, catalog));
        m_window->setConnectionChooser([this] { chooseConnection(); });
        m_window->setBilling(&m_runtime.billing());
        m_window->setQuotas(&m_runtime.quotas(), &m_usage);
        m_window->setQuotaAlerts(&m_quotaAlerts);
        m_window->setServerControl(&m_server);
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
    // Another catalog means another runtime and embedded server: the console starts again
    // on the chosen profile (its password read from the keychain by the new process).
    void chooseConnection()
    {
        Widgets::ConnectDialog dialog(m_profiles, m_secrets, m_profileName, m_window.get());
        QObject::connect(&dialog, &Widgets::ConnectDialog::connectRequested, &dialog, [](const QString &name) {
            if (QProcess::startDetached(QCoreApplication::applicationFilePath(), {u"--profile"_s, name}))
                QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
        });
        dialog.exec();
    }

    void change(const Widgets::ConsolePreferences &prefs)
    {
        prefs.save(m_settings);
        Widgets::applyTheme(prefs.theme);
        installTranslations(*QCoreApplication::instance(), prefs.language);
        QMetaObject::invokeMethod(m_window.get(), [this] { build(); }, Qt::QueuedConnection);
    }

    Runtime &m_runtime;
    EmbeddedServer &m_server;
    QSettings &m_settings;
    Widgets::ConnectionProfiles &m_profiles;
    Widgets::SecretStore &m_secrets;
    QString m_profileName;
    ConsoleUsage m_usage;
    Storage::QuotaAlertRepository m_quotaAlertLog;
    ConsoleQuotaAlerts m_quotaAlerts;
    std::unique_ptr<Widgets::MainWindow> m_window;
};

// Points `common` at the saved profile `name`, with its database password from `secrets`.
Status applyProfile(const Widgets::ConnectionProfiles &profiles, Widgets::SecretStore &secrets, const QString &name,
                    Http::CommonOptions &common)
{
    const std::optional<Widgets::ConnectionProfile> profile = profiles.find(name);
    if (!profile)
        return Error::notFound(u"profile-not-found"_s, u"There is no connection profile '%1'."_s.arg(name));
    if (!profile->dataDir.isEmpty())
        common.dataDir = profile->dataDir;
    common.databaseUrl.clear();
    if (profile->usesPostgres()) {
        auto password = secrets.read(profile->secretKey());
        if (!password)
            return password.error();
        common.databaseUrl = Widgets::withPassword(profile->databaseUrl, password->value_or(QString()));
    }
    return {};
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
        if (!profileName.isEmpty()) {
            if (Status applied = applyProfile(profiles, secrets, profileName, options.value().common); !applied)
                options = applied.error();
        }
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
    ConsoleWindows windows(rt, server, settings, profiles, secrets, profileName);
    windows.build();
    if (parser.isSet(startServer)) {
        if (Status started = server.start(); !started) {
            QMessageBox::warning(&windows.window(), QApplication::translate("Console", "Embedded server"),
                                 QApplication::translate("Console", "The embedded server could not be started:\n\n%1")
                                     .arg(started.error().message));
        }
    }
    std::unique_ptr<ScreenshotTour> tour;
    if (parser.isSet(screenshots)) {
        const QString language = qEnvironmentVariable("TENANTRY_LANG", prefs.language);
        tour = std::make_unique<ScreenshotTour>([&windows]() -> Widgets::MainWindow & { return windows.window(); },
                                                parser.value(screenshots),
                                                language.startsWith("zh"_L1) ? u"-zh"_s : QString());
        tour->start(u"acme"_s);
    }
    const int code = QApplication::exec();
    server.stop();
    return code;
}

} // namespace Tenantry::App
