#include "core/base/csv.h"

#include "tests/support/csvreader.h"

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Qt::StringLiterals;

TEST(Csv, QuotesOnlyWhatNeedsQuotingAndEndsRecordsWithCrLf)
{
    QByteArray out;
    Csv::appendRecord(out, {u"plain"_s, u"a,b"_s, u"say \"hi\""_s, u"two\nlines"_s, QString(), u"北京"_s});
    EXPECT_EQ(out, QByteArray("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,") + u"北京"_s.toUtf8() + "\r\n");
    const auto rows = Testing::parseCsv(QString::fromUtf8(out));
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0], (QStringList{u"plain"_s, u"a,b"_s, u"say \"hi\""_s, u"two\nlines"_s, QString(), u"北京"_s}));
}

TEST(Csv, CellsThatASpreadsheetWouldEvaluateAreNeutralised)
{
    for (const QString &formula : {u"=1+1"_s, u"+1"_s, u"-1"_s, u"@SUM(A1)"_s, u"\t=1"_s, u"\r=1"_s}) {
        QByteArray cell;
        Csv::appendCell(cell, formula);
        const auto rows = Testing::parseCsv(QString::fromUtf8(cell + "\r\n"));
        ASSERT_EQ(rows.size(), 1);
        EXPECT_EQ(rows[0][0], u"'"_s + formula) << formula.toStdString();
    }
    QByteArray safe;
    Csv::appendCell(safe, u"1=1"_s);
    EXPECT_EQ(safe, QByteArray("1=1"));
}
