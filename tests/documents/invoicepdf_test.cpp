#include "documents/invoicepdf.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Billing;
using namespace Tenantry::Documents;
using namespace Qt::StringLiterals;

namespace {

qint64 utc(int month, int day)
{
    return QDateTime(QDate(2026, month, day), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

Currency eur()
{
    return currencyOf(u"EUR"_s).value();
}

InvoiceLine charge(const QString &kind, const QString &description, qint64 minor, qint64 from, qint64 to)
{
    return {kind, description, QString(), 1, QString(), Money(minor, eur()), Money(minor, eur()), from, to, {}};
}

QByteArray logoPng()
{
    QImage img(240, 80, QImage::Format_RGB32);
    img.fill(QColor(0x0f, 0x76, 0x6e));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    img.save(&buffer, "PNG");
    return bytes;
}

// A pro tenant's March: plan fee, an upgrade's proration credit and charge, graduated
// api_calls overage in three tiers, 19 % VAT, the tenant's brand colour.
Invoice sample()
{
    Invoice inv;
    inv.id = u"0b8e6f2a-1c1d-4f7e-9a41-5d2f8c3e7a10"_s;
    inv.number = u"INV-2026-000042"_s;
    inv.tenantId = u"t-1"_s;
    inv.tenantSlug = u"acme"_s;
    inv.status = InvoiceStatus::Open;
    inv.currency = eur();
    inv.periodStartMs = utc(3, 1);
    inv.periodEndMs = utc(4, 1);
    inv.issuedMs = utc(4, 1);
    inv.dueMs = utc(4, 15);
    inv.issuer = {u"Tenantry GmbH"_s, {u"Friedrichstraße 123"_s, u"10117 Berlin"_s, u"Germany"_s}, u"DE 312 456 789"_s,
                  u"billing@tenantry.example"_s};
    inv.customer = {u"Acme Analytics Ltd"_s, {u"14 Market Street"_s, u"Manchester M1 1PT"_s, u"United Kingdom"_s},
                    u"GB 123 4567 89"_s, u"accounts@acme.example"_s};
    inv.branding = {u"Acme Cloud"_s, u"#0F766E"_s, logoPng()};
    inv.lines.append(charge(u"plan_fee"_s, u"Pro plan (monthly)"_s, 9900, utc(3, 1), utc(4, 1)));
    inv.lines.append(charge(u"proration_credit"_s, u"Unused time on Starter plan"_s, -1742, utc(3, 10), utc(4, 1)));
    inv.lines.append(charge(u"proration_charge"_s, u"Remaining time on Pro plan"_s, 7026, utc(3, 10), utc(4, 1)));
    InvoiceLine overage{u"overage"_s, u"API calls beyond the 100,000 included"_s, u"api_calls"_s, 185, u"1,000 calls"_s,
                        Money(0, eur()), Money(0, eur()), utc(3, 1), utc(4, 1), {}};
    overage.details = {{u"First 50 × 1,000 calls"_s, 50, Money(40, eur()), Money(2000, eur())},
                       {u"Next 100 × 1,000 calls"_s, 100, Money(30, eur()), Money(3000, eur())},
                       {u"Beyond 150 × 1,000 calls"_s, 35, Money(20, eur()), Money(700, eur())}};
    overage.amount = Money(5700, eur());
    inv.lines.append(overage);
    inv.taxRatePpm = 190000;
    inv.amountPaid = Money(0, eur());
    EXPECT_TRUE(computeTotals(inv).ok());
    return inv;
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

QByteArray mustRender(const Invoice &invoice)
{
    auto pdf = renderInvoicePdf(invoice);
    EXPECT_TRUE(pdf.ok()) << pdf.error().message.toStdString();
    return pdf.ok() ? pdf.value() : QByteArray();
}

} // namespace

TEST(InvoicePdf, ASmallInvoiceIsOneA4Page)
{
    const QByteArray pdf = mustRender(sample());
    EXPECT_TRUE(pdf.startsWith("%PDF-"));
    EXPECT_TRUE(pdf.trimmed().endsWith("%%EOF"));
    EXPECT_EQ(pagesIn(pdf), 1);
    // Where a reviewer can look at it: TENANTRY_INVOICE_SAMPLE=/tmp/invoice.pdf.
    if (const QString path = qEnvironmentVariable("TENANTRY_INVOICE_SAMPLE"); !path.isEmpty()) {
        QFile out(path);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(pdf);
    }
}

TEST(InvoicePdf, ManyLinesContinueOnFurtherPages)
{
    Invoice inv = sample();
    int last = pagesIn(mustRender(inv));
    for (const int lines : {30, 80, 200}) {
        Invoice big = inv;
        for (int i = 0; i < lines; ++i)
            big.lines.append(charge(u"adjustment"_s, u"Adjustment %1"_s.arg(i + 1), 100, 0, 0));
        ASSERT_TRUE(computeTotals(big).ok());
        const int pages = pagesIn(mustRender(big));
        EXPECT_GT(pages, last) << lines;
        last = pages;
    }
}

TEST(InvoicePdf, ChineseCustomerNamesGetRealGlyphs)
{
    Invoice inv = sample();
    inv.branding.displayName = u"北京云端科技有限公司"_s;
    inv.customer.name = u"北京云端科技有限公司"_s;
    const QByteArray pdf = mustRender(inv);
    EXPECT_TRUE(pdf.contains("<5317>")) << "no glyph for 北";
    EXPECT_TRUE(pdf.contains("<4EAC>")) << "no glyph for 京";
}

TEST(InvoicePdf, DraftsCreditNotesAndBareDocumentsRender)
{
    Invoice draft = sample();
    draft.status = InvoiceStatus::Draft;
    draft.number.clear();
    draft.branding = {};
    EXPECT_EQ(pagesIn(mustRender(draft)), 1);

    Invoice paid = sample();
    paid.status = InvoiceStatus::Open;
    auto note = makeCreditNote(paid, {charge(u"credit"_s, u"Outage credit"_s, 2000, 0, 0)}, Money(0, eur()),
                               u"Service outage on 12 March"_s);
    ASSERT_TRUE(note.ok());
    EXPECT_EQ(pagesIn(mustRender(note.value())), 1);

    Invoice empty;
    empty.id = u"x"_s;
    empty.currency = eur();
    ASSERT_TRUE(computeTotals(empty).ok());
    EXPECT_EQ(pagesIn(mustRender(empty)), 1);
}
