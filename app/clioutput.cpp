#include "app/clioutput.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Tenantry::App {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

Actor cliActor()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME", u"unknown"_s));
    return {u"cli:"_s + user, {}, {}};
}

int failed(const Error &error)
{
    QString text = u"error: %1 (%2)\n"_s.arg(error.message, error.code);
    for (const FieldError &f : error.fields)
        text += u"  %1: %2\n"_s.arg(f.field, f.message);
    std::fputs(qPrintable(text), stderr);
    return 1;
}

int usageError(const QString &message)
{
    std::fprintf(stderr, "tenantry: %s\nRun 'tenantry --help' for the commands.\n", qPrintable(message));
    return 2;
}

void printJson(const QJsonValue &value)
{
    out() << (value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject())).toJson(QJsonDocument::Indented);
}

Result<QJsonObject> jsonArgument(const QString &text, const QString &what)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return Error::invalid(u"malformed-json"_s, u"%1 must be one JSON object: %2 at offset %3."_s.arg(what)
                                                       .arg(doc.isObject() || error.error != QJsonParseError::NoError
                                                                ? error.errorString()
                                                                : u"not an object"_s)
                                                       .arg(error.offset));
    }
    return doc.object();
}

int writeOutput(const QByteArray &bytes, const QString &path)
{
    if (path.isEmpty()) {
        QFile stdOut;
        if (!stdOut.open(stdout, QIODevice::WriteOnly) || stdOut.write(bytes) != bytes.size())
            return failed(Error::internal(u"Cannot write to standard output."_s));
        return 0;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return failed(Error::invalid(u"invalid-output"_s, u"Cannot write %1: %2"_s.arg(file.fileName(), file.errorString())));
    return 0;
}

} // namespace Tenantry::App
