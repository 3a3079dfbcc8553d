#include "core/base/csv.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Csv {

// Spreadsheet formula injection (CWE-1236): Excel, LibreOffice and Google Sheets evaluate a
// cell that starts with = + - or @ (and some skip a leading tab or CR first) as a formula,
// so a value an attacker chose, such as "=HYPERLINK(...)", would run when an operator opens
// the file. A leading single quote makes them all show the cell as text; the cost is that
// such values (e.g. a negative number) read back with that quote in front.
void appendCell(QByteArray &line, const QString &value)
{
    QString text = value;
    if (!text.isEmpty()) {
        const QChar first = text.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
            text.prepend(u'\'');
    }
    const bool quote = text.contains(u'"') || text.contains(u',') || text.contains(u'\n') || text.contains(u'\r');
    if (quote) {
        text.replace(u'"', u"\"\""_s);
        line.append('"').append(text.toUtf8()).append('"');
    } else {
        line.append(text.toUtf8());
    }
}

void appendRecord(QByteArray &out, const QStringList &cells)
{
    bool first = true;
    for (const QString &cell : cells) {
        if (!first)
            out.append(',');
        first = false;
        appendCell(out, cell);
    }
    out.append("\r\n");
}

} // namespace Tenantry::Csv
