#include "app/console.h"

#include "app/embeddedserver.h"
#include "app/runtime.h"
#include "app/translations.h"
#include "widgets/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace Tenantry::App {

int runConsole(int &argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Tenantry"_s);
    QApplication::setApplicationVersion(QStringLiteral(TENANTRY_VERSION));
    QApplication::setApplicationDisplayName(u"Tenantry"_s);
    installTranslations(app);

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
    parser.process(app);

    auto values = Http::OptionValues::resolve(parser, specs);
    Result<Http::ServeOptions> options = values ? Http::ServeOptions::from(values.value())
                                                : Result<Http::ServeOptions>(values.error());
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
    Widgets::MainWindow window(&rt.tenants(), &rt.audit(), rt.catalog().describe());
    window.setBilling(&rt.billing());
    window.setServerControl(&server);
    window.show();
    if (parser.isSet(startServer)) {
        if (Status started = server.start(); !started) {
            QMessageBox::warning(&window, QApplication::translate("Console", "Embedded server"),
                                 QApplication::translate("Console", "The embedded server could not be started:\n\n%1")
                                     .arg(started.error().message));
        }
    }
    const int code = QApplication::exec();
    server.stop();
    return code;
}

} // namespace Tenantry::App
