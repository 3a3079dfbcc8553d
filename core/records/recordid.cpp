#include "core/records/recordid.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Tenantry::Records {

QString newRecordId(const QDateTime &now)
{
    quint32 words[4];
    QRandomGenerator::system()->generate(std::begin(words), std::end(words));
    QByteArray bytes(reinterpret_cast<const char *>(words), sizeof words);
    const quint64 ms = quint64(now.toMSecsSinceEpoch());
    for (int i = 0; i < 6; ++i)
        bytes[i] = char(quint8(ms >> (40 - 8 * i)));
    bytes[6] = char(0x70 | (bytes[6] & 0x0f)); // version 7
    bytes[8] = char(0x80 | (bytes[8] & 0x3f)); // RFC 4122 variant
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

bool isRecordId(const QString &text)
{
    static const QRegularExpression shape(u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s);
    return shape.match(text).hasMatch();
}

} // namespace Tenantry::Records
