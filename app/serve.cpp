#include "app/serve.h"

#include "app/runtime.h"
#include "app/serverhost.h"
#include "app/shutdownsignals.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Tenantry::App {
namespace {

int fail(const Error &error)
{
    std::fprintf(stderr, "tenantry serve: %s\n", qPrintable(error.message));
    return 1;
}

} // namespace

int runServe(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Runs the Tenantry HTTP server (admin API and tenant API)."_s);
    parser.addHelpOption();
    QList<Http::OptionSpec> specs = Http::commonOptionSpecs();
    specs.append(Http::serveOptionSpecs());
    Http::addOptions(parser, specs);
    parser.process(arguments);
    if (!parser.positionalArguments().isEmpty())
        return fail(Error::invalid(u"usage"_s, u"unexpected argument '%1'"_s.arg(parser.positionalArguments().first())));

    auto values = Http::OptionValues::resolve(parser, specs);
    if (!values)
        return fail(values.error());
    auto options = Http::ServeOptions::from(values.value());
    if (!options)
        return fail(options.error());

    auto runtime = Runtime::open(options.value());
    if (!runtime)
        return fail(runtime.error());
    auto host = ServerHost::start(*runtime.value(), options.value());
    if (!host)
        return fail(host.error());
    ServerHost &server = *host.value();
    // Tests and scripts read this line to learn the port when --listen asked for port 0.
    std::fprintf(stderr, "tenantry: listening on %s\n", qPrintable(server.url()));

    ShutdownSignals shutdown;
    QObject::connect(&shutdown, &ShutdownSignals::shutdownRequested, [&server](int number) {
        qCInfo(lcServe) << "signal" << number << "received: no longer accepting connections, shutting down";
        server.stopListening();
        // Requests are answered synchronously, so what remains is flushing written
        // responses; give the event loop a moment for that.
        QTimer::singleShot(250, qApp, &QCoreApplication::quit);
    });

    const int code = QCoreApplication::exec();
    host.value().reset(); // flushes what is queued
    qCInfo(lcServe) << "stopped";
    return code;
}

} // namespace Tenantry::App
