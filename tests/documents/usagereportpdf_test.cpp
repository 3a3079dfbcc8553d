#include "documents/usagereportpdf.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Documents;
using namespace Tenantry::Report;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(int month, int day)
{
    return QDateTime(QDate(2026, month, day), QTime(0, 0), Qt::UTC);
}

UsageFigures figures(qint64 requests)
{
    UsageFigures f;
    f.requests = requests;
    f.clientErrors = requests / 10;
    f.serverErrors = requests / 100;
    f.authFailures = requests / 50;
    f.bytesIn = requests * 300;
    f.bytesOut = requests * 4096;
    f.latency[3] = requests;
    f.latencySumUs = requests * 250;
    f.storagePeakBytes = 5 << 20;
    f.storageLatestBytes = 4 << 20;
    return f;
}

// A tenant's report over `days` days, each with some traffic.
UsageReport dailyReport(int days, const QString &name)
{
    UsageReport r;
    r.from = at(1, 1);
    r.to = r.from.addDays(days);
    r.generatedAt = at(6, 1);
    r.tenant = UsageTenant{u"id-1"_s, u"beijing"_s, name, u"active"_s};
    for (int i = 0; i < days; ++i) {
        r.rows.append(UsageRow{r.from.date().addDays(i), {}, figures(1000 + i)});
        r.totals.addTraffic(r.rows.last().figures);
    }
    return r;
}

int pagesIn(const QByteArray &pdf)
{
    // Page objects, not the /Pages tree node.
    static const QRegularExpression page(u"/Type\\s*/Page(?![s\\w])"_s);
    int n = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next())
        ++n;
    return n;
}

QByteArray mustRender(const UsageReport &report)
{
    auto pdf = renderUsageReportPdf(report);
    EXPECT_TRUE(pdf.ok()) << pdf.error().message.toStdString();
    return pdf.ok() ? pdf.value() : QByteArray();
}

} // namespace

TEST(UsageReportPdf, AShortReportIsOneA4Page)
{
    const QByteArray pdf = mustRender(dailyReport(7, u"Acme Inc."_s));
    EXPECT_TRUE(pdf.startsWith("%PDF-"));
    EXPECT_TRUE(pdf.trimmed().endsWith("%%EOF"));
    EXPECT_EQ(pagesIn(pdf), 1);
    static const QRegularExpression a4(u"/MediaBox \\[0 0 595(\\.0+)? 842(\\.0+)?\\]"_s);
    EXPECT_TRUE(a4.match(QString::fromLatin1(pdf)).hasMatch()) << "A4 is 595 x 842 points";
}

TEST(UsageReportPdf, LongTablesContinueOnFurtherPages)
{
    // 100 days and the totals row: 24 rows on the first page, 34 on each further one.
    const UsageReport report = dailyReport(100, u"Acme Inc."_s);
    const QByteArray pdf = mustRender(report);
    EXPECT_EQ(pagesIn(pdf), 4);
    EXPECT_EQ(UsageReportPdfLayout::pageCount(101), 4);
    EXPECT_EQ(UsageReportPdfLayout::pageCount(24), 1);
    EXPECT_EQ(UsageReportPdfLayout::pageCount(25), 2);
    EXPECT_EQ(UsageReportPdfLayout::pageCount(24 + 34), 2);
    EXPECT_EQ(UsageReportPdfLayout::pageCount(24 + 34 + 1), 3);
    EXPECT_EQ(pagesIn(mustRender(dailyReport(23, u"x"_s))), 1); // 23 days + totals fill page one exactly
    EXPECT_EQ(pagesIn(mustRender(dailyReport(24, u"x"_s))), 2);
}

TEST(UsageReportPdf, ChineseNamesGetRealGlyphs)
{
    const QByteArray pdf = mustRender(dailyReport(3, u"北京云端科技有限公司"_s));
    // The font's ToUnicode map lists the characters drawn with real glyphs: 北 (U+5317), 京 (U+4EAC).
    EXPECT_TRUE(pdf.contains("<5317>")) << "no glyph for 北";
    EXPECT_TRUE(pdf.contains("<4EAC>")) << "no glyph for 京";
}

TEST(UsageReportPdf, AnEmptyReportOfAllTenantsStillRenders)
{
    UsageReport r;
    r.from = at(3, 1);
    r.to = at(4, 1);
    r.generatedAt = at(4, 2);
    const QByteArray pdf = mustRender(r);
    EXPECT_EQ(pagesIn(pdf), 1);
    r.rows.append(UsageRow{{}, UsageTenant{u"id"_s, u"acme"_s, u"=cmd"_s, u"deleted"_s}, figures(5)});
    EXPECT_EQ(pagesIn(mustRender(r)), 1);
}
