#include "core/tenancy/slug.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Tenantry {
namespace {

bool isReserved(QStringView slug)
{
    // Names that clash with infrastructure hostnames or our own route prefixes.
    static const QSet<QString> reserved = {
        u"www"_s, u"api"_s, u"admin"_s, u"app"_s, u"mail"_s, u"smtp"_s, u"ftp"_s,
        u"static"_s, u"assets"_s, u"cdn"_s, u"status"_s, u"health"_s, u"healthz"_s,
        u"readyz"_s, u"metrics"_s, u"login"_s, u"auth"_s, u"system"_s, u"root"_s,
        u"tenantry"_s, u"localhost"_s, u"internal"_s, u"support"_s, u"billing"_s,
    };
    return reserved.contains(slug.toString());
}

bool hasLabelShape(QStringView s)
{
    if (s.isEmpty() || s.size() > 63)
        return false;
    if (s.front() == u'-' || s.back() == u'-')
        return false;
    bool allDigits = true;
    for (QChar c : s) {
        const char16_t u = c.unicode();
        const bool digit = u >= u'0' && u <= u'9';
        if (!((u >= u'a' && u <= u'z') || digit || u == u'-'))
            return false;
        allDigits = allDigits && digit;
    }
    // An all-digit label could be mistaken for part of an IP address.
    return !allDigits;
}

} // namespace

bool isValidSlug(QStringView slug)
{
    return hasLabelShape(slug) && !isReserved(slug);
}

Result<QString> normalizeSlug(QStringView input)
{
    const QString slug = input.trimmed().toString().toLower();
    if (!hasLabelShape(slug)) {
        return Error::invalid(u"invalid-slug"_s,
                              u"A slug is 1 to 63 characters of a-z, 0-9 and '-', not starting or "
                              "ending with '-' and not only digits."_s,
                              {{u"slug"_s, u"not a valid DNS label"_s}});
    }
    if (isReserved(slug)) {
        return Error::invalid(u"reserved-slug"_s, u"The slug '%1' is reserved."_s.arg(slug),
                              {{u"slug"_s, u"reserved"_s}});
    }
    return slug;
}

} // namespace Tenantry
