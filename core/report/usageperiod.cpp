#include "core/report/usageperiod.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Tenantry::Report {
namespace {

// One end of the period; the error's message is the field error's.
Result<QDateTime> readEnd(const QString &text)
{
    const auto malformed = Error::invalid(
        u"invalid-report-period"_s,
        u"must be a date such as 2026-03-01 or an ISO 8601 UTC time such as 2026-03-01T13:00:00Z"_s);
    if (text.isEmpty())
        return Error::invalid(u"invalid-report-period"_s, u"is required: a date such as 2026-03-01 or an ISO 8601 UTC time"_s);
    static const QRegularExpression datePattern(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    if (datePattern.match(text).hasMatch()) {
        const QDate date = QDate::fromString(text, u"yyyy-MM-dd"_s);
        if (!date.isValid())
            return malformed;
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return malformed;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC); // usage is kept in UTC; a time without a zone means UTC here
    t = t.toUTC();
    if (t.time().minute() != 0 || t.time().second() != 0 || t.time().msec() != 0) {
        return Error::invalid(u"invalid-report-period"_s,
                              u"must be on a whole hour (usage is kept per UTC hour), such as 2026-03-01T13:00:00Z"_s);
    }
    return t;
}

} // namespace

Result<UsagePeriod> parseUsagePeriod(const QString &from, const QString &to)
{
    QList<FieldError> fields;
    const Result<QDateTime> start = readEnd(from.trimmed());
    const Result<QDateTime> end = readEnd(to.trimmed());
    if (!start)
        fields.append({u"from"_s, start.error().message});
    if (!end)
        fields.append({u"to"_s, end.error().message});
    if (start && end) {
        if (end.value() <= start.value())
            fields.append({u"to"_s, u"must be after from (the period is [from, to): to is excluded)"_s});
        else if (start.value().addDays(kMaxUsageReportDays) < end.value())
            fields.append({u"to"_s, u"must be at most %1 days after from"_s.arg(kMaxUsageReportDays)});
    }
    if (!fields.isEmpty()) {
        QString message = u"The report period is not valid:"_s;
        for (const FieldError &f : fields)
            message += u" %1 %2;"_s.arg(f.field, f.message);
        message.chop(1);
        return Error::invalid(u"invalid-report-period"_s, message + u'.', fields);
    }
    return UsagePeriod{start.value(), end.value()};
}

QString periodEndText(const QDateTime &t)
{
    const QDateTime utc = t.toUTC();
    if (utc.time() == QTime(0, 0))
        return utc.date().toString(u"yyyy-MM-dd"_s);
    return utc.toString(u"yyyy-MM-dd'T'HH:mm'Z'"_s);
}

} // namespace Tenantry::Report
