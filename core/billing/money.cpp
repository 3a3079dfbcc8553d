#include "core/billing/money.h"

#include <QHash>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Tenantry::Billing {
namespace {

// ISO 4217 minor units of the currencies a SaaS operator bills in. Written out because
// neither Qt nor the C++ library has the table (QLocale knows symbols, not minor digits)
// and ICU for one table of stable facts is a heavy dependency. Currencies not listed are
// refused rather than guessed.
const QHash<QString, int> &minorDigitsByCode()
{
    static const QHash<QString, int> table{
        {u"AED"_s, 2}, {u"ARS"_s, 2}, {u"AUD"_s, 2}, {u"BHD"_s, 3}, {u"BRL"_s, 2}, {u"CAD"_s, 2},
        {u"CHF"_s, 2}, {u"CLP"_s, 0}, {u"CNY"_s, 2}, {u"COP"_s, 2}, {u"CZK"_s, 2}, {u"DKK"_s, 2},
        {u"EGP"_s, 2}, {u"EUR"_s, 2}, {u"GBP"_s, 2}, {u"HKD"_s, 2}, {u"HUF"_s, 2}, {u"IDR"_s, 2},
        {u"ILS"_s, 2}, {u"INR"_s, 2}, {u"IQD"_s, 3}, {u"ISK"_s, 0}, {u"JOD"_s, 3}, {u"JPY"_s, 0},
        {u"KES"_s, 2}, {u"KRW"_s, 0}, {u"KWD"_s, 3}, {u"LYD"_s, 3}, {u"MXN"_s, 2}, {u"MYR"_s, 2},
        {u"NGN"_s, 2}, {u"NOK"_s, 2}, {u"NZD"_s, 2}, {u"OMR"_s, 3}, {u"PHP"_s, 2}, {u"PLN"_s, 2},
        {u"QAR"_s, 2}, {u"RON"_s, 2}, {u"SAR"_s, 2}, {u"SEK"_s, 2}, {u"SGD"_s, 2}, {u"THB"_s, 2},
        {u"TND"_s, 3}, {u"TRY"_s, 2}, {u"TWD"_s, 2}, {u"UAH"_s, 2}, {u"USD"_s, 2}, {u"VND"_s, 0},
        {u"ZAR"_s, 2},
    };
    return table;
}

Error outOfRange()
{
    return Error::invalid(u"amount-out-of-range"_s,
                          u"The amount is out of range (at most %1 minor units either way)."_s.arg(Money::kMaxMinor));
}

Result<Money> checked(WideInt minor, const Currency &currency)
{
    if (minor > Money::kMaxMinor || minor < -Money::kMaxMinor)
        return outOfRange();
    return Money(qint64(minor), currency);
}

Error mismatch(const Currency &a, const Currency &b)
{
    return Error::invalid(u"currency-mismatch"_s, u"Amounts in %1 and %2 cannot be combined."_s.arg(a.code, b.code));
}

} // namespace

qint64 Currency::minorPerMajor() const
{
    qint64 factor = 1;
    for (int i = 0; i < minorDigits; ++i)
        factor *= 10;
    return factor;
}

Result<Currency> currencyOf(const QString &code)
{
    const QString upper = code.trimmed().toUpper();
    const auto it = minorDigitsByCode().constFind(upper);
    if (it == minorDigitsByCode().cend())
        return Error::invalid(u"unknown-currency"_s,
                              u"'%1' is not a supported ISO 4217 currency code."_s.arg(code));
    return Currency{upper, it.value()};
}

Result<qint64> roundHalfEven(WideInt numerator, WideInt denominator)
{
    Q_ASSERT(denominator > 0);
    WideInt quotient = numerator / denominator; // truncates toward zero
    WideInt remainder = numerator % denominator; // same sign as the numerator
    if (remainder != 0) {
        const WideInt twice = (remainder < 0 ? -remainder : remainder) * 2;
        const int away = numerator < 0 ? -1 : 1;
        if (twice > denominator || (twice == denominator && quotient % 2 != 0))
            quotient += away;
    }
    if (quotient > Money::kMaxMinor || quotient < -Money::kMaxMinor)
        return outOfRange();
    return qint64(quotient);
}

Money::Money(qint64 minor, const Currency &currency)
    : m_minor(minor), m_currency(currency)
{
    Q_ASSERT(minor <= kMaxMinor && minor >= -kMaxMinor);
}

Result<Money> Money::ofMinorChecked(qint64 minor, const Currency &currency)
{
    return checked(minor, currency);
}

Result<Money> Money::parse(const QString &decimal, const Currency &currency)
{
    const auto invalid = [&] {
        return Error::invalid(u"invalid-amount"_s,
                              u"'%1' is not an amount in %2: write digits with at most %3 after the decimal point, "
                              "like %4."_s.arg(decimal, currency.code)
                                  .arg(currency.minorDigits)
                                  .arg(Money(12345 * currency.minorPerMajor() / 100, currency).decimal()));
    };
    QStringView text = QStringView(decimal).trimmed();
    bool negative = false;
    if (!text.isEmpty() && (text.front() == u'-' || text.front() == u'+')) {
        negative = text.front() == u'-';
        text = text.sliced(1);
    }
    const qsizetype point = text.indexOf(u'.');
    const QStringView whole = point < 0 ? text : text.first(point);
    const QStringView fraction = point < 0 ? QStringView() : text.sliced(point + 1);
    if (whole.isEmpty() || (point >= 0 && fraction.isEmpty()) || fraction.size() > currency.minorDigits)
        return invalid();
    WideInt minor = 0;
    for (const QStringView part : {whole, fraction}) {
        for (const QChar c : part) {
            if (c < u'0' || c > u'9')
                return invalid();
            minor = minor * 10 + (c.unicode() - u'0');
            if (minor > kMaxMinor)
                return outOfRange();
        }
    }
    for (qsizetype i = fraction.size(); i < currency.minorDigits; ++i) {
        minor *= 10;
        if (minor > kMaxMinor)
            return outOfRange();
    }
    return checked(negative ? -minor : minor, currency);
}

QString Money::decimal() const
{
    const qint64 magnitude = m_minor < 0 ? -m_minor : m_minor;
    const qint64 per = m_currency.minorPerMajor();
    QString out = m_minor < 0 ? u"-"_s : QString();
    out += QString::number(magnitude / per);
    if (m_currency.minorDigits > 0)
        out += u'.' + QString::number(magnitude % per).rightJustified(m_currency.minorDigits, u'0');
    return out;
}

Result<Money> Money::plus(const Money &other) const
{
    if (!(other.m_currency == m_currency))
        return mismatch(m_currency, other.m_currency);
    return checked(WideInt(m_minor) + other.m_minor, m_currency);
}

Result<Money> Money::minus(const Money &other) const
{
    if (!(other.m_currency == m_currency))
        return mismatch(m_currency, other.m_currency);
    return checked(WideInt(m_minor) - other.m_minor, m_currency);
}

Result<Money> Money::times(qint64 quantity) const
{
    return checked(WideInt(m_minor) * quantity, m_currency);
}

Result<Money> Money::scaled(qint64 numerator, qint64 denominator) const
{
    if (denominator <= 0)
        return Error::invalid(u"invalid-ratio"_s, u"A ratio's denominator must be positive."_s);
    auto rounded = roundHalfEven(WideInt(m_minor) * numerator, denominator);
    if (!rounded)
        return rounded.error();
    return Money(rounded.value(), m_currency);
}

Result<QList<Money>> allocate(const Money &total, const QList<qint64> &weights)
{
    WideInt sum = 0;
    bool negative = false;
    for (const qint64 w : weights) {
        negative = negative || w < 0;
        sum += w;
    }
    if (negative || sum <= 0)
        return Error::invalid(u"invalid-weights"_s, u"Allocation weights must be non-negative with a positive sum."_s);

    // Each part gets the truncated share of the magnitude; the minor units left over go one
    // each to the parts with the largest remainders.
    const WideInt magnitude = total.minor() < 0 ? -WideInt(total.minor()) : WideInt(total.minor());
    QList<WideInt> shares, remainders;
    WideInt given = 0;
    for (const qint64 w : weights) {
        const WideInt product = magnitude * w;
        shares.append(product / sum);
        remainders.append(product % sum);
        given += shares.back();
    }
    QList<qsizetype> order(weights.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return remainders.at(a) > remainders.at(b); });
    for (qsizetype i = 0; given < magnitude; ++i, ++given)
        shares[order.at(i)] += 1;

    QList<Money> parts;
    for (const WideInt share : std::as_const(shares))
        parts.append(Money(qint64(total.minor() < 0 ? -share : share), total.currency()));
    return parts;
}

} // namespace Tenantry::Billing
