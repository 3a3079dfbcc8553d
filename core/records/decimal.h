#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace Tenantry::Records {

// Most digits a decimal may have on each side of the point. 38 + 38 fits PostgreSQL's
// NUMERIC without rounding and keeps values short enough for the key index.
inline constexpr int kDecimalMaxDigits = 38;

// The canonical text of a decimal number given as JSON number text or a numeric string
// ("-?digits[.digits][e[+-]digits]"): no exponent, no leading zeros, no trailing fraction
// zeros, no "-0" — so equal numbers have equal text ("12.50" and "1.25e1" are "12.5").
// Works on the digits as text, never through a double, so nothing is rounded. nullopt when
// `text` is not a number or has more than kDecimalMaxDigits digits on either side.
std::optional<QString> canonicalDecimal(QStringView text);

} // namespace Tenantry::Records
