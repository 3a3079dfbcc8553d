// The one executable: the console by default, `serve` for the headless server, and the
// command line (`tenants`, `keys`) for scripts. Only the console touches a display.
#include "app/cli.h"
#include "app/console.h"
#include "app/serve.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {

void printUsage()
{
    std::puts("Usage: tenantry [command] [options]\n"
              "\n"
              "  (no command)        open the admin console on the embedded catalog\n"
              "  serve               run the HTTP server (tenantry serve --help)\n"
              "  tenants <verb> ...  list, show, create, activate, suspend, delete, restore, purge, clone\n"
              "  keys <verb> ...     issue, list, revoke tenant API keys\n"
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
        QCoreApplication app(argc, argv);
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
