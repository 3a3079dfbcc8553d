// The readers of what billing's API writes (subscriptions, plan change quotes, invoice
// summaries, billing run reports): what they write reads back equal, and a document of
// another form is refused naming the field.
#include "core/billing/invoicejson.h"
#include "core/storage/invoiceservice.h"
#include "core/storage/subscriptionservice.h"

#include <QDateTime>
#include <QJsonArray>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Billing;
using namespace Tenantry::Storage;
using namespace Qt::StringLiterals;

namespace {

qint64 utc(int month, int day, int hour = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, 0), Qt::UTC).toMSecsSinceEpoch();
}

const Currency &eur()
{
    static const Currency currency = currencyOf(u"EUR"_s).value();
    return currency;
}

Subscription fullSubscription()
{
    Subscription s;
    s.tenantId = u"3f1c2a9e-0000-4000-8000-000000000001"_s;
    s.plan = u"pro"_s;
    s.cycle = u"monthly"_s;
    s.status = SubscriptionStatus::PastDue;
    s.anchorMs = utc(1, 15, 9);
    s.periodStartMs = utc(3, 15, 9);
    s.periodEndMs = utc(4, 15, 9);
    s.trialEndMs = utc(1, 15, 9);
    s.scheduledPlan = u"basic"_s;
    s.scheduledCycle = u"yearly"_s;
    s.cancelAtPeriodEnd = true;
    s.dunningAttempt = 2;
    s.nextRetryMs = utc(3, 20) + 250; // milliseconds survive
    s.pastDueSinceMs = utc(3, 16);
    s.paymentCustomer = u"cus_123"_s;
    s.createdMs = utc(1, 1);
    s.updatedMs = utc(3, 16, 12);
    return s;
}

void expectSame(const Subscription &a, const Subscription &b)
{
    EXPECT_EQ(a.tenantId, b.tenantId);
    EXPECT_EQ(a.plan, b.plan);
    EXPECT_EQ(a.cycle, b.cycle);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.anchorMs, b.anchorMs);
    EXPECT_EQ(a.periodStartMs, b.periodStartMs);
    EXPECT_EQ(a.periodEndMs, b.periodEndMs);
    EXPECT_EQ(a.trialEndMs, b.trialEndMs);
    EXPECT_EQ(a.scheduledPlan, b.scheduledPlan);
    EXPECT_EQ(a.scheduledCycle, b.scheduledCycle);
    EXPECT_EQ(a.cancelAtPeriodEnd, b.cancelAtPeriodEnd);
    EXPECT_EQ(a.dunningAttempt, b.dunningAttempt);
    EXPECT_EQ(a.nextRetryMs, b.nextRetryMs);
    EXPECT_EQ(a.pastDueSinceMs, b.pastDueSinceMs);
    EXPECT_EQ(a.paymentCustomer, b.paymentCustomer);
    EXPECT_EQ(a.createdMs, b.createdMs);
    EXPECT_EQ(a.updatedMs, b.updatedMs);
}

PlanChangeQuote upgradeQuote()
{
    PlanChangeQuote q;
    q.fromPlan = u"basic"_s;
    q.fromCycle = u"monthly"_s;
    q.toPlan = u"pro"_s;
    q.toCycle = u"monthly"_s;
    q.direction = u"upgrade"_s;
    q.timing = ChangeTiming::Immediate;
    q.atMs = utc(3, 11, 12);
    q.effectiveMs = q.atMs;
    q.period = {utc(3, 1), utc(4, 1)};
    q.lines = {fixedLine(u"proration_credit"_s, u"Unused time on Basic plan (monthly)"_s, Money(-1300, eur()), q.atMs,
                         q.period.endMs),
               fixedLine(u"proration_charge"_s, u"Remaining time on Pro plan (monthly)"_s, Money(6500, eur()), q.atMs,
                         q.period.endMs)};
    q.net = Money(5200, eur());
    return q;
}

void expectSame(const PlanChangeQuote &a, const PlanChangeQuote &b)
{
    EXPECT_EQ(a.fromPlan, b.fromPlan);
    EXPECT_EQ(a.fromCycle, b.fromCycle);
    EXPECT_EQ(a.toPlan, b.toPlan);
    EXPECT_EQ(a.toCycle, b.toCycle);
    EXPECT_EQ(a.direction, b.direction);
    EXPECT_EQ(a.timing, b.timing);
    EXPECT_EQ(a.atMs, b.atMs);
    EXPECT_EQ(a.effectiveMs, b.effectiveMs);
    EXPECT_EQ(a.period, b.period);
    EXPECT_EQ(a.lines, b.lines);
    EXPECT_EQ(a.net, b.net);
}

QJsonObject with(QJsonObject o, const QString &key, const QJsonValue &value)
{
    o.insert(key, value);
    return o;
}

} // namespace

TEST(SubscriptionJson, ReadsBackWhatItWrites)
{
    const Subscription s = fullSubscription();
    const QJsonObject json = subscriptionToJson(s);
    auto back = subscriptionFromJson(json);
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    expectSame(back.value(), s);
    EXPECT_EQ(subscriptionToJson(back.value()), json);

    // The list's extra "tenant" is ignored; no scheduled change, no trial, no customer.
    Subscription plain = fullSubscription();
    plain.status = SubscriptionStatus::Active;
    plain.scheduledPlan.clear();
    plain.scheduledCycle.clear();
    plain.trialEndMs = 0;
    plain.paymentCustomer.clear();
    plain.cancelAtPeriodEnd = false;
    plain.dunningAttempt = 0;
    plain.nextRetryMs = plain.pastDueSinceMs = 0;
    auto listed = subscriptionFromJson(with(subscriptionToJson(plain), u"tenant"_s, u"acme"_s));
    ASSERT_TRUE(listed.ok()) << listed.error().message.toStdString();
    expectSame(listed.value(), plain);
}

TEST(SubscriptionJson, RefusesOtherDocumentsNamingTheField)
{
    const QJsonObject good = subscriptionToJson(fullSubscription());
    const QList<QPair<QJsonObject, QString>> bad = {
        {QJsonObject(), u"/tenant_id"_s},
        {with(good, u"tenant_id"_s, u""_s), u"/tenant_id"_s},
        {with(good, u"status"_s, u"paused"_s), u"/status"_s},
        {with(good, u"anchor_at"_s, 1768467600000.0), u"/anchor_at"_s},
        {with(good, u"current_period"_s, QJsonObject{{u"start"_s, u"2026-03-15T09:00:00+01:00"_s}}),
         u"/current_period/start"_s},
        {with(good, u"scheduled_change"_s, u"basic"_s), u"/scheduled_change"_s},
        {with(good, u"cancel_at_period_end"_s, 1), u"/cancel_at_period_end"_s},
        {with(good, u"dunning"_s, QJsonObject{{u"retries_done"_s, -1}}), u"/dunning/retries_done"_s},
    };
    for (const auto &[document, field] : bad) {
        auto read = subscriptionFromJson(document);
        ASSERT_FALSE(read.ok()) << field.toStdString();
        EXPECT_EQ(read.error().kind, ErrorKind::Invalid);
        EXPECT_EQ(read.error().code, u"invalid-subscription-document"_s);
        ASSERT_FALSE(read.error().fields.isEmpty());
        EXPECT_EQ(read.error().fields.first().field, field);
        EXPECT_TRUE(read.error().message.contains(field)) << read.error().message.toStdString();
    }
}

TEST(PlanChangeQuoteJson, ReadsBackWhatItWrites)
{
    const PlanChangeQuote q = upgradeQuote();
    const QJsonObject json = planChangeQuoteToJson(q);
    auto back = planChangeQuoteFromJson(json);
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    expectSame(back.value(), q);
    EXPECT_EQ(planChangeQuoteToJson(back.value()), json);

    PlanChangeQuote atPeriodEnd = upgradeQuote();
    atPeriodEnd.direction = u"downgrade"_s;
    atPeriodEnd.timing = ChangeTiming::PeriodEnd;
    atPeriodEnd.effectiveMs = atPeriodEnd.period.endMs;
    atPeriodEnd.lines.clear();
    atPeriodEnd.net = Money(0, eur());
    auto scheduled = planChangeQuoteFromJson(planChangeQuoteToJson(atPeriodEnd));
    ASSERT_TRUE(scheduled.ok()) << scheduled.error().message.toStdString();
    expectSame(scheduled.value(), atPeriodEnd);
}

TEST(PlanChangeQuoteJson, RefusesOtherDocumentsNamingTheField)
{
    const QJsonObject good = planChangeQuoteToJson(upgradeQuote());
    QJsonArray badLines = good.value(u"lines"_s).toArray();
    badLines[1] = with(badLines[1].toObject(), u"amount"_s, 65.0);
    const QList<QPair<QJsonObject, QString>> bad = {
        {QJsonObject(), u"/from"_s},
        {with(good, u"timing"_s, u"later"_s), u"/timing"_s},
        {with(good, u"at_ms"_s, u"1773230400000"_s), u"/at_ms"_s},
        {with(good, u"currency"_s, u"EURO"_s), u"/currency"_s},
        {with(good, u"lines"_s, badLines), u"/lines/1/amount"_s},
        {with(good, u"lines"_s, QJsonArray{u"credit"_s}), u"/lines/0"_s},
        {with(good, u"net"_s, u"52.001"_s), u"/net"_s},
    };
    for (const auto &[document, field] : bad) {
        auto read = planChangeQuoteFromJson(document);
        ASSERT_FALSE(read.ok()) << field.toStdString();
        EXPECT_EQ(read.error().code, u"invalid-plan-change-document"_s);
        ASSERT_FALSE(read.error().fields.isEmpty());
        EXPECT_EQ(read.error().fields.first().field, field);
    }
}

TEST(InvoiceSummaryJson, ReadsWhatAListShows)
{
    Tenant acme;
    acme.id = u"t-acme"_s;
    acme.slug = u"acme"_s;
    DirectorySnapshot snapshot;
    snapshot.byId.insert(acme.id, std::make_shared<const Tenant>(acme));

    StoredInvoice row;
    row.id = u"cn-7"_s;
    row.number = u"CN0007"_s;
    row.tenantId = acme.id;
    row.kind = u"credit_note"_s;
    row.corrects = u"inv-3"_s;
    row.status = u"uncollectible"_s;
    row.currency = u"EUR"_s;
    row.periodStartMs = utc(3, 1);
    row.periodEndMs = utc(4, 1);
    row.subtotalMinor = 1000;
    row.taxMinor = 190;
    row.totalMinor = 1190;
    row.amountPaidMinor = 400;
    row.issuedMs = utc(4, 1, 6);
    row.dueMs = utc(4, 15);
    row.paidMs = utc(4, 3) + 7;

    auto read = invoiceSummaryFromJson(invoiceSummaryToJson(row, snapshot));
    ASSERT_TRUE(read.ok()) << read.error().message.toStdString();
    const Invoice &inv = read.value();
    EXPECT_EQ(inv.id, row.id);
    EXPECT_EQ(inv.number, row.number);
    EXPECT_EQ(inv.kind, InvoiceKind::CreditNote);
    EXPECT_EQ(inv.correctsId, row.corrects);
    EXPECT_EQ(inv.tenantId, acme.id);
    EXPECT_EQ(inv.tenantSlug, u"acme"_s);
    EXPECT_EQ(inv.status, InvoiceStatus::Uncollectible);
    EXPECT_EQ(inv.currency, eur());
    EXPECT_EQ(inv.total, Money(1190, eur()));
    EXPECT_EQ(inv.amountPaid, Money(400, eur()));
    EXPECT_EQ(inv.periodStartMs, row.periodStartMs);
    EXPECT_EQ(inv.periodEndMs, row.periodEndMs);
    EXPECT_EQ(inv.issuedMs, row.issuedMs);
    EXPECT_EQ(inv.dueMs, row.dueMs);
    EXPECT_EQ(inv.paidMs, row.paidMs);
    EXPECT_TRUE(inv.lines.isEmpty());
    EXPECT_EQ(inv.subtotal, Money(0, eur())); // not in a summary

    // A draft has no number; a tenant the list did not know has no slug.
    StoredInvoice draft = row;
    draft.number.clear();
    draft.kind = u"invoice"_s;
    draft.corrects.clear();
    draft.status = u"draft"_s;
    draft.tenantId = u"t-gone"_s;
    draft.issuedMs = draft.dueMs = draft.paidMs = 0;
    auto readDraft = invoiceSummaryFromJson(invoiceSummaryToJson(draft, snapshot));
    ASSERT_TRUE(readDraft.ok()) << readDraft.error().message.toStdString();
    EXPECT_TRUE(readDraft->number.isEmpty());
    EXPECT_TRUE(readDraft->tenantSlug.isEmpty());
    EXPECT_TRUE(readDraft->correctsId.isEmpty());
    EXPECT_EQ(readDraft->status, InvoiceStatus::Draft);
    EXPECT_EQ(readDraft->issuedMs, 0);

    const QJsonObject good = invoiceSummaryToJson(row, snapshot);
    const QList<QPair<QJsonObject, QString>> bad = {
        {QJsonObject(), u"/currency"_s},
        {with(good, u"id"_s, QJsonValue()), u"/id"_s},
        {with(good, u"kind"_s, u"receipt"_s), u"/kind"_s},
        {with(good, u"status"_s, u"settled"_s), u"/status"_s},
        {with(good, u"total"_s, 11.9), u"/total"_s},
        {with(good, u"period"_s, QJsonObject{{u"start"_s, u"March"_s}}), u"/period/start"_s},
    };
    for (const auto &[document, field] : bad) {
        auto refused = invoiceSummaryFromJson(document);
        ASSERT_FALSE(refused.ok()) << field.toStdString();
        EXPECT_EQ(refused.error().code, u"invalid-invoice-summary"_s);
        ASSERT_FALSE(refused.error().fields.isEmpty());
        EXPECT_EQ(refused.error().fields.first().field, field);
    }
}

TEST(BillingRunReportJson, ReadsBackWhatItWrites)
{
    BillingRunReport r;
    r.renewed = 3;
    r.invoiced = 4;
    r.paymentsSucceeded = 2;
    r.paymentsFailed = 1;
    r.pastDue = 1;
    r.degraded = 5;
    r.suspended = 6;
    r.problems = {u"t-1: the gateway did not answer"_s, u"INV0009: declined"_s};
    r.stopped = true;
    const QJsonObject json = billingRunReportToJson(r);
    auto back = billingRunReportFromJson(json);
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    EXPECT_EQ(back->renewed, 3);
    EXPECT_EQ(back->invoiced, 4);
    EXPECT_EQ(back->paymentsSucceeded, 2);
    EXPECT_EQ(back->paymentsFailed, 1);
    EXPECT_EQ(back->pastDue, 1);
    EXPECT_EQ(back->degraded, 5);
    EXPECT_EQ(back->suspended, 6);
    EXPECT_EQ(back->problems, r.problems);
    EXPECT_TRUE(back->stopped);
    EXPECT_EQ(billingRunReportToJson(back.value()), json);

    auto whole = billingRunReportFromJson(billingRunReportToJson(BillingRunReport{}));
    ASSERT_TRUE(whole.ok());
    EXPECT_FALSE(whole->stopped);
    EXPECT_TRUE(whole->problems.isEmpty());

    for (const auto &[document, field] :
         QList<QPair<QJsonObject, QString>>{{with(json, u"renewed"_s, -1), u"/renewed"_s},
                                            {with(json, u"invoiced"_s, u"4"_s), u"/invoiced"_s},
                                            {with(json, u"problems"_s, QJsonArray{1}), u"/problems/0"_s},
                                            {with(json, u"stopped"_s, u"yes"_s), u"/stopped"_s}}) {
        auto refused = billingRunReportFromJson(document);
        ASSERT_FALSE(refused.ok()) << field.toStdString();
        EXPECT_EQ(refused.error().code, u"invalid-billing-run-report"_s);
        EXPECT_EQ(refused.error().fields.first().field, field);
    }
}
