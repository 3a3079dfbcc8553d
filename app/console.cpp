#include "app/console.h"

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
    Http::addOptions(parser, Http::commonOptionSpecs());
    parser.process(app);

    auto values = Http::OptionValues::resolve(parser, Http::commonOptionSpecs());
    Result<Http::CommonOptions> common = values ? Http::CommonOptions::from(values.value())
                                                : Result<Http::CommonOptions>(values.error());
    Result<std::unique_ptr<Runtime>> runtime = common ? Runtime::open(common.value())
                                                      : Result<std::unique_ptr<Runtime>>(common.error());
    if (!runtime) {
        QMessageBox::critical(nullptr, QApplication::translate("Console", "Tenantry cannot start"),
                              QApplication::translate("Console", "The catalog could not be opened:\n\n%1")
                                  .arg(runtime.error().message));
        return 1;
    }
    Runtime &rt = *runtime.value();
    Widgets::MainWindow window(&rt.tenants(), &rt.audit(), rt.catalog().describe());
    window.show();
    return QApplication::exec();
}

} // namespace Tenantry::App
