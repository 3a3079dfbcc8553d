#include "core/records/decimal.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Tenantry::Records {

std::optional<QString> canonicalDecimal(QStringView text)
{
    static const QRegularExpression grammar(u"^(-)?([0-9]+)(?:\\.([0-9]+))?(?:[eE]([+-]?[0-9]{1,6}))?$"_s);
    const auto m = grammar.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const bool negative = m.hasCaptured(1);
    const QStringView whole = m.capturedView(2);
    const QStringView fraction = m.capturedView(3);
    const int exponent = m.hasCaptured(4) ? m.capturedView(4).toInt() : 0;

    // The number is 0.<digits> × 10^point: strip zeros from both ends of the digits.
    QString digits = whole.toString() + fraction.toString();
    qsizetype point = whole.size() + exponent;
    qsizetype lead = 0;
    while (lead < digits.size() && digits.at(lead) == u'0')
        ++lead;
    digits.remove(0, lead);
    point -= lead;
    qsizetype trail = digits.size();
    while (trail > 0 && digits.at(trail - 1) == u'0')
        --trail;
    digits.truncate(trail);
    if (digits.isEmpty())
        return u"0"_s;

    QString intPart;
    QString fracPart;
    if (point <= 0) {
        intPart = u"0"_s;
        if (-point + digits.size() > kDecimalMaxDigits)
            return std::nullopt;
        fracPart = QString(-point, u'0') + digits;
    } else if (point >= digits.size()) {
        if (point > kDecimalMaxDigits)
            return std::nullopt;
        intPart = digits + QString(point - digits.size(), u'0');
    } else {
        intPart = digits.left(point);
        fracPart = digits.mid(point);
    }
    if (intPart.size() > kDecimalMaxDigits || fracPart.size() > kDecimalMaxDigits)
        return std::nullopt;
    QString out = negative ? u"-"_s + intPart : intPart;
    if (!fracPart.isEmpty())
        out += u'.' + fracPart;
    return out;
}

} // namespace Tenantry::Records
