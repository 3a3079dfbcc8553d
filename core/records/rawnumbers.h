#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace Tenantry::Records {

// The number text of each top-level member of a JSON object whose value is a number, keyed
// by member name, exactly as sent ("12.50", "1e-3"). QJsonDocument turns fractional numbers
// into doubles; decimal fields read their digits from here instead. `json` must already
// have parsed as an object (this scanner does not report syntax errors; on anything it
// does not expect it returns what it found so far).
QHash<QString, QByteArray> topLevelNumberTexts(const QByteArray &json);

} // namespace Tenantry::Records
