#include "core/billing/money.h"

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

Money amount(const char *decimal, const char *code = "USD")
{
    auto parsed = Money::parse(QString::fromLatin1(decimal), currency(code));
    EXPECT_TRUE(parsed.ok()) << decimal;
    return parsed.ok() ? parsed.value() : Money();
}

} // namespace

TEST(Money, CurrenciesKnowTheirMinorDigits)
{
    EXPECT_EQ(currency("usd").code, u"USD"_s);
    EXPECT_EQ(currency("USD").minorDigits, 2);
    EXPECT_EQ(currency("JPY").minorDigits, 0);
    EXPECT_EQ(currency("KWD").minorDigits, 3);
    EXPECT_EQ(currency("KWD").minorPerMajor(), 1000);
    for (const char *bad : {"", "US", "USDX", "XXX", "12$"}) {
        auto c = currencyOf(QString::fromLatin1(bad));
        ASSERT_FALSE(c.ok()) << bad;
        EXPECT_EQ(c.error().code, u"unknown-currency"_s);
    }
}

TEST(Money, ParsesAndWritesAmountsInEachCurrencysDigits)
{
    EXPECT_EQ(amount("12.34").minor(), 1234);
    EXPECT_EQ(amount("12.3").minor(), 1230);
    EXPECT_EQ(amount("-0.05").minor(), -5);
    EXPECT_EQ(amount("+7").minor(), 700);
    EXPECT_EQ(amount("1500", "JPY").minor(), 1500);
    EXPECT_EQ(amount("1.5", "KWD").minor(), 1500);
    EXPECT_EQ(amount("0.001", "KWD").minor(), 1);

    EXPECT_EQ(Money(1230, currency("USD")).decimal(), u"12.30"_s);
    EXPECT_EQ(Money(-5, currency("USD")).decimal(), u"-0.05"_s);
    EXPECT_EQ(Money(1500, currency("JPY")).decimal(), u"1500"_s);
    EXPECT_EQ(Money(1250, currency("KWD")).decimal(), u"1.250"_s);
    EXPECT_EQ(Money(-1, currency("KWD")).decimal(), u"-0.001"_s);
    for (const qint64 minor : {0LL, 1LL, -1LL, 99LL, 100LL, -12345LL, Money::kMaxMinor, -Money::kMaxMinor}) {
        for (const char *code : {"USD", "JPY", "KWD"}) {
            const Money m(minor, currency(code));
            EXPECT_EQ(Money::parse(m.decimal(), m.currency()).value(), m) << minor << code;
        }
    }
}

TEST(Money, RefusesWhatIsNotAnAmount)
{
    for (const char *bad : {"", "-", ".5", "1.", "1.234", "1,00", "1e3", "12a", "0x10", "1 000", "--1", "NaN", "∞"}) {
        auto m = Money::parse(QString::fromUtf8(bad), currency("USD"));
        ASSERT_FALSE(m.ok()) << bad;
        EXPECT_EQ(m.error().code, u"invalid-amount"_s) << bad;
    }
    EXPECT_EQ(Money::parse(u"1.5"_s, currency("JPY")).error().code, u"invalid-amount"_s);
    EXPECT_EQ(Money::parse(u"99999999999999999999"_s, currency("USD")).error().code, u"amount-out-of-range"_s);
    EXPECT_EQ(Money::parse(u"10000000000000000.01"_s, currency("USD")).error().code, u"amount-out-of-range"_s);
}

TEST(Money, RoundingIsHalfToEvenEitherSide)
{
    EXPECT_EQ(roundHalfEven(5, 2).value(), 2);   // 2.5
    EXPECT_EQ(roundHalfEven(7, 2).value(), 4);   // 3.5
    EXPECT_EQ(roundHalfEven(-5, 2).value(), -2); // -2.5
    EXPECT_EQ(roundHalfEven(-7, 2).value(), -4); // -3.5
    EXPECT_EQ(roundHalfEven(10, 3).value(), 3);  // 3.33
    EXPECT_EQ(roundHalfEven(20, 3).value(), 7);  // 6.67
    EXPECT_EQ(roundHalfEven(-20, 3).value(), -7);
    EXPECT_EQ(roundHalfEven(0, 7).value(), 0);
    EXPECT_EQ(roundHalfEven(WideInt(Money::kMaxMinor) * 3, 2).error().code, u"amount-out-of-range"_s);
}

TEST(Money, ArithmeticStaysInOneCurrencyAndRange)
{
    EXPECT_EQ(amount("1.25").plus(amount("2.80")).value(), amount("4.05"));
    EXPECT_EQ(amount("1.25").minus(amount("2.80")).value(), amount("-1.55"));
    EXPECT_EQ(amount("19.99").times(3).value(), amount("59.97"));
    EXPECT_EQ(amount("1.25").negated(), amount("-1.25"));
    EXPECT_EQ(amount("1", "USD").plus(amount("1", "EUR")).error().code, u"currency-mismatch"_s);
    EXPECT_EQ(amount("1", "JPY").minus(amount("1", "KWD")).error().code, u"currency-mismatch"_s);
    const Money big(Money::kMaxMinor, currency("USD"));
    EXPECT_EQ(big.plus(Money(1, currency("USD"))).error().code, u"amount-out-of-range"_s);
    EXPECT_EQ(big.times(2).error().code, u"amount-out-of-range"_s);
    EXPECT_EQ(big.negated().minus(Money(1, currency("USD"))).error().code, u"amount-out-of-range"_s);
    EXPECT_EQ(Money::ofMinorChecked(Money::kMaxMinor + 1, currency("USD")).error().code, u"amount-out-of-range"_s);
}

TEST(Money, ScalingRoundsOnceAtTheEnd)
{
    // 10.00 for 15 days of a 31-day month: 4.8387… → 4.84.
    EXPECT_EQ(amount("10.00").scaled(15, 31).value(), amount("4.84"));
    // 0.05 halved is 0.025: a tie, to the even 0.02; 0.15 halved to 0.08.
    EXPECT_EQ(amount("0.05").scaled(1, 2).value(), amount("0.02"));
    EXPECT_EQ(amount("0.15").scaled(1, 2).value(), amount("0.08"));
    EXPECT_EQ(amount("-0.05").scaled(1, 2).value(), amount("-0.02"));
    // A tax of 8.875 % in parts per million.
    EXPECT_EQ(amount("200.00").scaled(88'750, 1'000'000).value(), amount("17.75"));
    EXPECT_EQ(amount("999", "JPY").scaled(1, 3).value(), amount("333", "JPY"));
    EXPECT_EQ(amount("1.000", "KWD").scaled(1, 3).value(), amount("0.333", "KWD"));
    EXPECT_EQ(amount("1").scaled(1, 0).error().code, u"invalid-ratio"_s);
}

TEST(Money, AllocatedPartsAlwaysAddUpToTheTotal)
{
    const auto parts = allocate(amount("100.00"), {1, 1, 1}).value();
    ASSERT_EQ(parts.size(), 3);
    EXPECT_EQ(parts.at(0), amount("33.34")); // the leftover cent to the first of equal remainders
    EXPECT_EQ(parts.at(1), amount("33.33"));
    EXPECT_EQ(parts.at(2), amount("33.33"));
    EXPECT_EQ(allocate(amount("-0.05"), {1, 0, 1}).value(),
              (QList<Money>{amount("-0.03"), amount("0.00"), amount("-0.02")}));
    EXPECT_EQ(allocate(amount("1"), {}).error().code, u"invalid-weights"_s);
    EXPECT_EQ(allocate(amount("1"), {0, 0}).error().code, u"invalid-weights"_s);
    EXPECT_EQ(allocate(amount("1"), {2, -1}).error().code, u"invalid-weights"_s);

    std::mt19937_64 random(7);
    for (int round = 0; round < 2'000; ++round) {
        const Money total(qint64(random() % 2'000'000'000) - 1'000'000'000, currency("KWD"));
        QList<qint64> weights;
        const int n = 1 + int(random() % 12);
        for (int i = 0; i < n; ++i)
            weights.append(qint64(random() % 1'000'000));
        weights[0] += 1; // a positive sum
        const QList<Money> split = allocate(total, weights).value();
        qint64 sum = 0;
        for (qsizetype i = 0; i < split.size(); ++i) {
            sum += split.at(i).minor();
            // Every part is within one minor unit of its exact share.
            const long double exact = (long double)total.minor() * weights.at(i)
                / std::accumulate(weights.begin(), weights.end(), 0.0L);
            EXPECT_LE(std::abs((long double)split.at(i).minor() - exact), 1.0L);
        }
        ASSERT_EQ(sum, total.minor()) << round;
    }
}
