#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Tenantry::Csv {

// Appends one CSV cell (RFC 4180: quoted when it holds a quote, comma, CR or LF, quotes
// doubled) as UTF-8, with spreadsheet formula injection neutralised: a cell starting with
// = + - @ TAB or CR gets a leading single quote, so spreadsheets show it as text instead of
// evaluating it. Every CSV this project writes goes through here, so exports an operator
// opens in a spreadsheet can never run a formula an attacker chose.
void appendCell(QByteArray &line, const QString &value);

// Appends `cells` as one record: cells joined by ',' and ended with CRLF.
void appendRecord(QByteArray &out, const QStringList &cells);

} // namespace Tenantry::Csv
