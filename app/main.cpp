// The one executable: the console by default, `serve` for the headless server, and the
// command line (`tenants`, `keys`, `audit`, `report`, `migrate`, `quotas`, `plans`, `subscriptions`,
// `invoices`, `demo-data`) for scripts. Only the console touches a display.
#include "app/cli.h"
#include "app/console.h"
#include "app/serve.h"

#include <QGuiApplication>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {

QtMessageHandler g_previousHandler = nullptr;

// Qt Gui looks for a Flatpak marker in XDG_RUNTIME_DIR while it starts, and warns when the
// variable is unset — as it is for services, cron jobs and containers, where serve and the
// CLI run and the warning means nothing. Only that one message is dropped.
void dropRuntimeDirWarning(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.startsWith("QStandardPaths: XDG_RUNTIME_DIR not set"_L1))
        return;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

void printUsage()
{
    std::puts("Usage: tenantry [command] [options]\n"
              "\n"
              "  (no command)        open the admin console on the embedded catalog\n"
              "  serve               run the HTTP server (tenantry serve --help)\n"
              "  tenants <verb> ...  list, show, create, activate, suspend, delete, restore, purge, clone\n"
              "  keys <verb> ...     issue, list, revoke tenant API keys\n"
              "  audit <verb> ...    verify, list, export the audit trail\n"
              "  quotas <verb> ...   show, set, list tenants' limits and usage\n"
              "  plans <verb> ...    list, show, set plans' limits; pricing, price their prices\n"
              "  subscriptions ...   list, show, create, preview, change, cancel tenants' subscriptions\n"
              "  invoices <verb> ... list, show, pdf, pay, collect, void invoices; run billing now\n"
              "  report usage ...    usage report per tenant and period: [--tenant SLUG] --from YYYY-MM-DD\n"
              "                      --to YYYY-MM-DD [--format json|csv|pdf] [--output FILE]\n"
              "  migrate ...         bring tenant data spaces to the latest schema: --all [--concurrency N],\n"
              "                      --tenant SLUG, or --status (tenantry migrate --help)\n"
              "  demo-data ...       fill an empty catalog with a demo fleet (tenantry demo-data --help)\n"
              "\n"
              "Every command takes --data-dir DIR and --database postgresql://...");
}

} // namespace

int main(int argc, char **argv)
{
    const char *command = argc > 1 ? argv[1] : "";
    // Answered without a QApplication, so help works on a machine with no display.
    if (std::strcmp(command, "help") == 0 || std::strcmp(command, "--help") == 0 || std::strcmp(command, "-h") == 0) {
        printUsage();
        return 0;
    }
    if (std::strcmp(command, "serve") == 0 || Tenantry::App::isCliCommand(QString::fromLocal8Bit(command))) {
        // A QGuiApplication because both render PDF documents (fonts need Qt Gui), on the
        // offscreen platform whatever the environment says, so they never need a display.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        g_previousHandler = qInstallMessageHandler(dropRuntimeDirWarning);
        QGuiApplication app(argc, argv);
        qInstallMessageHandler(g_previousHandler);
        QCoreApplication::setApplicationName(u"Tenantry"_s);
        QCoreApplication::setApplicationVersion(QStringLiteral(TENANTRY_VERSION));
        QStringList args = QCoreApplication::arguments();
        if (std::strcmp(command, "serve") == 0) {
            args.removeAt(1);
            return Tenantry::App::runServe(args);
        }
        return Tenantry::App::runCli(args);
    }
    if (command[0] != '\0' && command[0] != '-') {
        std::fprintf(stderr, "tenantry: unknown command '%s'\n\n", command);
        printUsage();
        return 2;
    }
    return Tenantry::App::runConsole(argc, argv);
}
