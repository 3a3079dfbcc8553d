#include "core/billing/invoicejson.h"

#include <QDateTime>
#include <QJsonArray>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Billing;
using namespace Qt::StringLiterals;

namespace {

qint64 utc(int month, int day)
{
    return QDateTime(QDate(2026, month, day), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

Invoice fullInvoice()
{
    const Currency eur = currencyOf(u"EUR"_s).value();
    Invoice inv;
    inv.id = u"0b8e6f2a-1c1d-4f7e-9a41-5d2f8c3e7a10"_s;
    inv.number = u"INV-2026-0042"_s;
    inv.tenantId = u"t-1"_s;
    inv.tenantSlug = u"acme"_s;
    inv.status = InvoiceStatus::Paid;
    inv.currency = eur;
    inv.periodStartMs = utc(3, 1);
    inv.periodEndMs = utc(4, 1);
    inv.issuedMs = utc(4, 1);
    inv.dueMs = utc(4, 15);
    inv.paidMs = utc(4, 3) + 12'345;
    inv.issuer = {u"Tenantry GmbH"_s, {u"Hauptstr. 1"_s, u"10115 Berlin"_s}, u"DE123456789"_s, u"billing@tenantry.io"_s};
    inv.customer = {u"北京云端科技有限公司"_s, {u"Chaoyang"_s}, QString(), u"ap@example.cn"_s};
    inv.branding = {u"Acme Cloud"_s, u"#0F766E"_s, QByteArray("\x89PNG\r\n\x1a\n\0\1\2", 11)};
    InvoiceLine fee{u"plan_fee"_s, u"Pro plan (monthly)"_s, QString(), 1, QString(), Money(4900, eur), Money(4900, eur),
                    utc(3, 1), utc(4, 1), {}};
    InvoiceLine overage{u"overage"_s, u"API calls over the plan"_s, u"api_calls"_s, 6000, u"1,000 calls"_s,
                        Money(0, eur), Money(700, eur), utc(3, 1), utc(4, 1), {}};
    overage.details = {{u"Units 1–1,000"_s, 1000, Money(0, eur), Money(0, eur)},
                       {u"Units 1,001–5,000"_s, 4000, Money(0, eur), Money(400, eur)},
                       {u"Units 5,001+"_s, 1000, Money(0, eur), Money(300, eur)}};
    InvoiceLine credit{u"proration_credit"_s, u"Unused time on Starter"_s, QString(), 1, QString(), Money(-1633, eur),
                       Money(-1633, eur), utc(3, 10), utc(4, 1), {}};
    inv.lines = {fee, overage, credit};
    inv.taxRatePpm = 190000;
    EXPECT_TRUE(computeTotals(inv).ok());
    inv.amountPaid = inv.total;
    inv.memo = u"Thank you"_s;
    return inv;
}

} // namespace

TEST(InvoiceJson, WritesTheDocumentedForm)
{
    const QJsonObject json = invoiceToJson(fullInvoice());
    EXPECT_EQ(json.value(u"currency"_s).toString(), u"EUR"_s);
    EXPECT_EQ(json.value(u"status"_s).toString(), u"paid"_s);
    EXPECT_EQ(json.value(u"kind"_s).toString(), u"invoice"_s);
    EXPECT_EQ(json.value(u"period_start"_s).toString(), u"2026-03-01T00:00:00Z"_s);
    EXPECT_EQ(json.value(u"paid_at"_s).toString(), u"2026-04-03T00:00:12.345Z"_s);
    EXPECT_EQ(json.value(u"subtotal"_s).toString(), u"39.67"_s);
    EXPECT_EQ(json.value(u"tax"_s).toString(), u"7.54"_s); // 7.5373
    EXPECT_EQ(json.value(u"total"_s).toString(), u"47.21"_s);
    EXPECT_EQ(json.value(u"amount_due"_s).toString(), u"0.00"_s);
    EXPECT_EQ(json.value(u"lines"_s).toArray()[2].toObject().value(u"amount"_s).toString(), u"-16.33"_s);
    EXPECT_EQ(json.value(u"branding"_s).toObject().value(u"logo"_s).toString(), u"iVBORw0KGgoAAQI="_s);
    Invoice draft = fullInvoice();
    draft.issuedMs = 0;
    EXPECT_TRUE(invoiceToJson(draft).value(u"issued_at"_s).isNull());
}

TEST(InvoiceJson, RoundTripsAnInvoiceAndACreditNote)
{
    const Invoice inv = fullInvoice();
    auto back = invoiceFromJson(invoiceToJson(inv));
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    EXPECT_EQ(back.value(), inv);

    Invoice open = inv;
    open.status = InvoiceStatus::Open;
    open.paidMs = 0;
    open.amountPaid = Money(0, inv.currency);
    auto note = makeCreditNote(open, {inv.lines[1]}, Money(0, inv.currency), u"Outage: 2 days"_s);
    ASSERT_TRUE(note.ok());
    note->id = u"cn-1"_s;
    note->number = u"CN-2026-0001"_s;
    const QJsonObject noteJson = invoiceToJson(note.value());
    EXPECT_EQ(noteJson.value(u"kind"_s).toString(), u"credit_note"_s);
    EXPECT_EQ(noteJson.value(u"corrects_number"_s).toString(), u"INV-2026-0042"_s);
    auto noteBack = invoiceFromJson(noteJson);
    ASSERT_TRUE(noteBack.ok()) << noteBack.error().message.toStdString();
    EXPECT_EQ(noteBack.value(), note.value());
}

TEST(InvoiceJson, RefusesBadDocuments)
{
    const QJsonObject good = invoiceToJson(fullInvoice());
    const auto with = [&](const QString &key, const QJsonValue &value) {
        QJsonObject o = good;
        o.insert(key, value);
        return o;
    };
    QJsonArray badLines = good.value(u"lines"_s).toArray();
    QJsonObject badLine = badLines[0].toObject();
    badLine.insert(u"amount"_s, u"49.001"_s);
    badLines[0] = badLine;
    const QList<QJsonObject> bad = {
        QJsonObject(),
        with(u"currency"_s, u"XXX"_s),
        with(u"id"_s, u""_s),
        with(u"status"_s, u"settled"_s),
        with(u"kind"_s, u"receipt"_s),
        with(u"total"_s, 47.21),
        with(u"total"_s, u"47,21"_s),
        with(u"period_start"_s, u"2026-03-01 00:00"_s),
        with(u"period_start"_s, u"2026-03-01T00:00:00+01:00"_s),
        with(u"tax_rate_ppm"_s, 190000),
        with(u"lines"_s, u"none"_s),
        with(u"lines"_s, QJsonArray{1}),
        with(u"lines"_s, badLines),
        with(u"customer"_s, u"Acme"_s),
        with(u"branding"_s, QJsonObject{{u"logo"_s, u"***"_s}}),
    };
    for (qsizetype i = 0; i < bad.size(); ++i) {
        auto r = invoiceFromJson(bad[i]);
        ASSERT_FALSE(r.ok()) << i;
        EXPECT_EQ(r.error().code, u"invalid-invoice-document"_s) << i;
        EXPECT_EQ(r.error().kind, ErrorKind::Invalid) << i;
    }
}

TEST(InvoiceJson, ReadsBackItsTimes)
{
    for (const qint64 ms : {qint64(0), utc(3, 1), utc(4, 3) + 12'345}) {
        qint64 back = -1;
        ASSERT_TRUE(parseBillingTime(billingTimeJson(ms), &back)) << ms;
        EXPECT_EQ(back, ms);
    }
    qint64 absent = -1;
    EXPECT_TRUE(parseBillingTime(QJsonValue(QJsonValue::Undefined), &absent));
    EXPECT_EQ(absent, 0);
    for (const QJsonValue &bad : {QJsonValue(u"2026-03-01T00:00:00+01:00"_s), QJsonValue(u"2026-03-01"_s),
                                  QJsonValue(u"yesterday"_s), QJsonValue(1772323200000.0), QJsonValue(true)}) {
        qint64 untouched = 42;
        EXPECT_FALSE(parseBillingTime(bad, &untouched)) << bad.toString().toStdString();
        EXPECT_EQ(untouched, 42);
    }
}
