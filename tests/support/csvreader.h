#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Tenantry::Testing {

// A minimal RFC 4180 reader (CRLF records, quoted cells with doubled quotes), for checking
// what an export wrote.
QList<QStringList> parseCsv(const QString &text);

} // namespace Tenantry::Testing
