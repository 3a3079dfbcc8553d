#include "core/billing/invoice.h"

#include <gtest/gtest.h>

#include <random>

using namespace Tenantry;
using namespace Tenantry::Billing;
using namespace Qt::StringLiterals;

namespace {

Currency currency(const char *code)
{
    return currencyOf(QString::fromLatin1(code)).value();
}

InvoiceLine line(qint64 minor, const Currency &c, const QString &kind = u"plan_fee"_s)
{
    InvoiceLine l;
    l.kind = kind;
    l.description = kind;
    l.unitPrice = Money(minor, c);
    l.amount = Money(minor, c);
    return l;
}

Invoice invoiceOf(const Currency &c, QList<qint64> minors, qint64 taxRatePpm)
{
    Invoice inv;
    inv.id = u"inv-1"_s;
    inv.number = u"INV-2026-0001"_s;
    inv.currency = c;
    inv.taxRatePpm = taxRatePpm;
    inv.amountPaid = Money(0, c);
    for (const qint64 m : minors)
        inv.lines.append(line(m, c));
    return inv;
}

// An open invoice of 100.00 USD + 19 % tax = 119.00 USD.
Invoice openInvoice()
{
    Invoice inv = invoiceOf(currency("USD"), {10000}, 190000);
    inv.status = InvoiceStatus::Open;
    inv.customer.name = u"Acme"_s;
    EXPECT_TRUE(computeTotals(inv).ok());
    return inv;
}

} // namespace

TEST(InvoiceStatus, NamesRoundTrip)
{
    using S = InvoiceStatus;
    for (const S s : {S::Draft, S::Open, S::Paid, S::Void, S::Uncollectible}) {
        S parsed = S::Paid == s ? S::Draft : S::Paid;
        ASSERT_TRUE(parseInvoiceStatus(invoiceStatusName(s), &parsed));
        EXPECT_EQ(parsed, s);
    }
    EXPECT_EQ(invoiceStatusName(S::Uncollectible), u"uncollectible"_s);
    S untouched = S::Open;
    EXPECT_FALSE(parseInvoiceStatus(u"Paid"_s, &untouched));
    EXPECT_FALSE(parseInvoiceStatus(QString(), &untouched));
    EXPECT_EQ(untouched, S::Open);

    InvoiceKind kind = InvoiceKind::Invoice;
    ASSERT_TRUE(parseInvoiceKind(u"credit_note"_s, &kind));
    EXPECT_EQ(kind, InvoiceKind::CreditNote);
    EXPECT_EQ(invoiceKindName(InvoiceKind::Invoice), u"invoice"_s);
    EXPECT_FALSE(parseInvoiceKind(u"credit-note"_s, &kind));
}

TEST(InvoiceStatus, EveryPairOfTheTransitionTable)
{
    using S = InvoiceStatus;
    const QList<S> all = {S::Draft, S::Open, S::Paid, S::Void, S::Uncollectible};
    // Rows: from; columns: to, in the order of `all`.
    const bool allowed[5][5] = {
        /* draft         */ {false, true, false, true, false},
        /* open          */ {false, false, true, true, true},
        /* paid          */ {false, false, false, false, false},
        /* void          */ {false, false, false, false, false},
        /* uncollectible */ {false, false, true, true, false},
    };
    for (int from = 0; from < 5; ++from) {
        for (int to = 0; to < 5; ++to)
            EXPECT_EQ(invoiceMoveAllowed(all[from], all[to]), allowed[from][to])
                << invoiceStatusName(all[from]).toStdString() << " -> " << invoiceStatusName(all[to]).toStdString();
    }
}

struct TaxCase {
    const char *currency;
    qint64 subtotalMinor;
    qint64 ratePpm;
    qint64 taxMinor;
};

class InvoiceTax : public ::testing::TestWithParam<TaxCase> {};

TEST_P(InvoiceTax, IsRoundedOnceHalfToEven)
{
    const TaxCase c = GetParam();
    const Currency cur = currency(c.currency);
    // Two lines, so a per-line rounding would show up as a different tax.
    Invoice inv = invoiceOf(cur, {c.subtotalMinor / 2, c.subtotalMinor - c.subtotalMinor / 2}, c.ratePpm);
    ASSERT_TRUE(computeTotals(inv).ok());
    EXPECT_EQ(inv.subtotal, Money(c.subtotalMinor, cur));
    EXPECT_EQ(inv.tax, Money(c.taxMinor, cur));
    EXPECT_EQ(inv.total, Money(c.subtotalMinor + c.taxMinor, cur));
}

INSTANTIATE_TEST_SUITE_P(Ties, InvoiceTax,
                         ::testing::Values(TaxCase{"USD", 250, 190000, 48},   // 47.5 → 48
                                           TaxCase{"USD", 150, 190000, 28},   // 28.5 → 28
                                           TaxCase{"USD", 5, 100000, 0},      // 0.5 → 0
                                           TaxCase{"USD", 15, 100000, 2},     // 1.5 → 2
                                           TaxCase{"USD", -250, 190000, -48}, // a net credit
                                           TaxCase{"USD", 10000, 0, 0},
                                           TaxCase{"JPY", 150, 190000, 28},   // ¥28.5 → ¥28
                                           TaxCase{"JPY", 250, 190000, 48},
                                           TaxCase{"JPY", 1001, 80000, 80},   // 80.08
                                           TaxCase{"KWD", 50, 190000, 10},    // 9.5 fils → 10
                                           TaxCase{"KWD", 150, 190000, 28},
                                           TaxCase{"KWD", 12345, 50000, 617})); // 617.25

TEST(InvoiceTotals, NegativeProrationLinesReduceTheSubtotal)
{
    const Currency usd = currency("USD");
    Invoice inv = invoiceOf(usd, {4900}, 190000);
    inv.lines.append(line(-1633, usd, u"proration_credit"_s));
    inv.lines.append(line(3267, usd, u"proration_charge"_s));
    ASSERT_TRUE(computeTotals(inv).ok());
    EXPECT_EQ(inv.subtotal.minor(), 6534);
    EXPECT_EQ(inv.tax.minor(), 1241); // 1241.46
    EXPECT_EQ(inv.total.minor(), 7775);
}

TEST(InvoiceTotals, DetailsMustAddUpToTheirLine)
{
    const Currency usd = currency("USD");
    Invoice inv = invoiceOf(usd, {3000}, 0);
    inv.lines[0].details = {{u"Units 1–1,000"_s, 1000, Money(0, usd), Money(0, usd)},
                            {u"Units 1,001–5,000"_s, 4000, Money(1, usd), Money(2000, usd)},
                            {u"Units 5,001+"_s, 2000, Money(0, usd), Money(999, usd)}};
    const Status refused = computeTotals(inv);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, u"invalid-invoice"_s);
    EXPECT_TRUE(inv.total.isZero()) << "left unchanged";

    inv.lines[0].details[2].amount = Money(1000, usd);
    EXPECT_TRUE(computeTotals(inv).ok());
    EXPECT_EQ(inv.total.minor(), 3000);
}

TEST(InvoiceTotals, RefusesOtherCurrenciesAndOverflow)
{
    const Currency usd = currency("USD");
    Invoice inv = invoiceOf(usd, {100}, 0);
    inv.lines.append(line(100, currency("EUR")));
    EXPECT_EQ(computeTotals(inv).error().code, u"currency-mismatch"_s);

    Invoice detail = invoiceOf(usd, {100}, 0);
    detail.lines[0].details = {{u"x"_s, 1, Money(100, usd), Money(100, currency("EUR"))}};
    EXPECT_EQ(computeTotals(detail).error().code, u"currency-mismatch"_s);

    Invoice huge = invoiceOf(usd, {Money::kMaxMinor, Money::kMaxMinor}, 0);
    EXPECT_EQ(computeTotals(huge).error().code, u"amount-out-of-range"_s);
    Invoice taxed = invoiceOf(usd, {Money::kMaxMinor}, 190000);
    EXPECT_EQ(computeTotals(taxed).error().code, u"amount-out-of-range"_s);
}

TEST(CreditNote, CopiesTheInvoiceAndTaxesAtItsRate)
{
    const Invoice original = openInvoice();
    const Currency usd = original.currency;
    auto note = makeCreditNote(original, {line(2000, usd, u"credit"_s)}, Money(0, usd), u"Outage on 3 March"_s);
    ASSERT_TRUE(note.ok()) << note.error().message.toStdString();
    EXPECT_EQ(note->kind, InvoiceKind::CreditNote);
    EXPECT_EQ(note->status, InvoiceStatus::Draft);
    EXPECT_EQ(note->correctsId, original.id);
    EXPECT_EQ(note->correctsNumber, original.number);
    EXPECT_EQ(note->customer, original.customer);
    EXPECT_EQ(note->taxRatePpm, 190000);
    EXPECT_EQ(note->memo, u"Outage on 3 March"_s);
    EXPECT_EQ(note->total.minor(), 2380);
}

TEST(CreditNote, CannotGiveBackMoreThanIsLeft)
{
    const Invoice original = openInvoice(); // 119.00
    const Currency usd = original.currency;
    // The whole invoice: fine.
    EXPECT_TRUE(makeCreditNote(original, {line(10000, usd)}, Money(0, usd), u"void"_s).ok());
    // One cent more than the invoice.
    auto tooMuch = makeCreditNote(original, {line(10001, usd)}, Money(0, usd), u"x"_s);
    ASSERT_FALSE(tooMuch.ok());
    EXPECT_EQ(tooMuch.error().code, u"credit-exceeds-invoice"_s);

    // A partial note of 50.00 (59.50 with tax), then a second one for the rest.
    auto first = makeCreditNote(original, {line(5000, usd)}, Money(0, usd), u"first"_s);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->total.minor(), 5950);
    auto second = makeCreditNote(original, {line(5000, usd)}, first->total, u"second"_s);
    ASSERT_TRUE(second.ok());
    auto third = makeCreditNote(original, {line(1, usd)}, Money(11900, usd), u"third"_s);
    ASSERT_FALSE(third.ok());
    EXPECT_EQ(third.error().code, u"credit-exceeds-invoice"_s);
}

TEST(CreditNote, RefusesWhatIsNotCreditable)
{
    const Invoice original = openInvoice();
    const Currency usd = original.currency;
    for (const InvoiceStatus s : {InvoiceStatus::Draft, InvoiceStatus::Void}) {
        Invoice inv = original;
        inv.status = s;
        auto note = makeCreditNote(inv, {line(100, usd)}, Money(0, usd), u"x"_s);
        ASSERT_FALSE(note.ok());
        EXPECT_EQ(note.error().code, u"invoice-not-creditable"_s);
        EXPECT_EQ(note.error().kind, ErrorKind::Conflict);
    }
    for (const InvoiceStatus s : {InvoiceStatus::Paid, InvoiceStatus::Uncollectible}) {
        Invoice inv = original;
        inv.status = s;
        EXPECT_TRUE(makeCreditNote(inv, {line(100, usd)}, Money(0, usd), u"x"_s).ok());
    }
    auto ofNote = makeCreditNote(makeCreditNote(original, {line(100, usd)}, Money(0, usd), u"x"_s).value(),
                                 {line(1, usd)}, Money(0, usd), u"x"_s);
    EXPECT_EQ(ofNote.error().code, u"invoice-not-creditable"_s);

    EXPECT_EQ(makeCreditNote(original, {}, Money(0, usd), u"x"_s).error().code, u"invalid-credit-note"_s);
    EXPECT_EQ(makeCreditNote(original, {line(0, usd)}, Money(0, usd), u"x"_s).error().code, u"invalid-credit-note"_s);
    EXPECT_EQ(makeCreditNote(original, {line(-5, usd)}, Money(0, usd), u"x"_s).error().code, u"invalid-credit-note"_s);
}

TEST(InvoiceTotals, PropertyTotalsAddUpAndTaxIsWithinHalfAMinorUnit)
{
    std::mt19937_64 rng(20260301);
    const QList<Currency> currencies = {currency("USD"), currency("JPY"), currency("KWD")};
    std::uniform_int_distribution<qint64> amount(-500'000, 5'000'000);
    std::uniform_int_distribution<qint64> rate(0, 300'000);
    std::uniform_int_distribution<int> count(0, 12);
    for (int n = 0; n < 2000; ++n) {
        const Currency &c = currencies[n % currencies.size()];
        Invoice inv = invoiceOf(c, {}, rate(rng));
        qint64 sum = 0;
        for (int i = count(rng); i > 0; --i) {
            const qint64 m = amount(rng);
            inv.lines.append(line(m, c));
            sum += m;
        }
        ASSERT_TRUE(computeTotals(inv).ok()) << n;
        EXPECT_EQ(inv.subtotal.minor(), sum) << n;
        EXPECT_EQ(inv.total.minor(), inv.subtotal.minor() + inv.tax.minor()) << n;
        // |tax − subtotal × rate / 10^6| ≤ ½, in millionths to stay in integers.
        const WideInt exactMillionths = WideInt(sum) * inv.taxRatePpm;
        WideInt error = WideInt(inv.tax.minor()) * 1'000'000 - exactMillionths;
        if (error < 0)
            error = -error;
        EXPECT_LE(qint64(error), 500'000) << n;
    }
}
