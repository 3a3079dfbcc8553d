#pragma once

#include "core/base/result.h"

#include <QList>
#include <QString>

namespace Tenantry::Billing {

// Room for products of amounts and quantities or ratios (GCC and Clang; `__extension__`
// keeps -Wpedantic quiet about the non-standard type).
__extension__ typedef __int128 WideInt;

// A currency as ISO 4217 defines it: its code and how many minor digits it has (2 for USD,
// 0 for JPY, 3 for KWD).
struct Currency {
    QString code;
    int minorDigits = 2;

    // 10^minorDigits: minor units in one major unit.
    qint64 minorPerMajor() const;
    bool operator==(const Currency &other) const = default;
};

// The currency with the ISO 4217 code `code` (three letters, any case). Errors: Invalid
// "unknown-currency".
Result<Currency> currencyOf(const QString &code);

// The one rounding rule of billing: `numerator / denominator` to the nearest integer, ties
// to the even neighbour (banker's rounding), so that rounding many lines does not drift one
// way. `denominator` must be positive. Errors: Invalid "amount-out-of-range" when the result
// does not fit 64 bits.
Result<qint64> roundHalfEven(WideInt numerator, WideInt denominator);

// An amount of money: a whole number of the currency's minor units, never floating point.
// Every operation that can overflow or mix currencies returns a Result instead of wrapping.
// Amounts are limited to ±kMaxMinor, far above any invoice and far below where products of
// amounts and quantities stop fitting 128 bits.
class Money
{
public:
    static constexpr qint64 kMaxMinor = 1'000'000'000'000'000'000; // 10^18

    Money() = default;
    // `minor` must be within ±kMaxMinor (checked with Q_ASSERT; ofMinorChecked() reports it).
    Money(qint64 minor, const Currency &currency);
    static Result<Money> ofMinorChecked(qint64 minor, const Currency &currency);

    // A decimal amount in major units, e.g. "12.34", "-0.5", "1000" (no exponent, no group
    // separators, at most the currency's minor digits). Errors: Invalid "invalid-amount".
    static Result<Money> parse(const QString &decimal, const Currency &currency);

    qint64 minor() const { return m_minor; }
    const Currency &currency() const { return m_currency; }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }

    // The amount in major units with exactly the currency's minor digits: "12.30", "-5",
    // "1.250"; parse() reads it back.
    QString decimal() const;

    // Errors: Invalid "currency-mismatch" for another currency, "amount-out-of-range".
    Result<Money> plus(const Money &other) const;
    Result<Money> minus(const Money &other) const;
    Money negated() const { return Money(-m_minor, m_currency); }

    // The amount times a whole `quantity`.
    Result<Money> times(qint64 quantity) const;
    // The amount times numerator / denominator (denominator > 0), rounded once with
    // roundHalfEven(): prorations, unit prices of fractions of a unit.
    Result<Money> scaled(qint64 numerator, qint64 denominator) const;

    bool operator==(const Money &other) const = default;

private:
    qint64 m_minor = 0;
    Currency m_currency;
};

// Splits `total` into one part per weight, proportional to the weights and adding up to
// `total` exactly (largest remainders get the leftover minor units, earlier parts first on
// ties). Weights must be non-negative with a positive sum. Errors: Invalid "invalid-weights".
Result<QList<Money>> allocate(const Money &total, const QList<qint64> &weights);

} // namespace Tenantry::Billing
