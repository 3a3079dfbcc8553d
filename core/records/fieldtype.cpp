#include "core/records/fieldtype.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Records {

QString fieldTypeName(FieldType type)
{
    switch (type) {
    case FieldType::String: return u"string"_s;
    case FieldType::Integer: return u"integer"_s;
    case FieldType::Decimal: return u"decimal"_s;
    case FieldType::Boolean: return u"boolean"_s;
    case FieldType::Date: return u"date"_s;
    case FieldType::DateTime: return u"datetime"_s;
    case FieldType::Json: return u"json"_s;
    }
    return {};
}

std::optional<FieldType> parseFieldType(const QString &name)
{
    for (FieldType t : {FieldType::String, FieldType::Integer, FieldType::Decimal, FieldType::Boolean,
                        FieldType::Date, FieldType::DateTime, FieldType::Json}) {
        if (fieldTypeName(t) == name)
            return t;
    }
    return std::nullopt;
}

} // namespace Tenantry::Records
