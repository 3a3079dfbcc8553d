#include "core/tenancy/tenantconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Tenantry {
namespace {

int depthOf(const QJsonValue &value)
{
    int deepest = 0;
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            deepest = std::max(deepest, depthOf(it.value()));
        return deepest + 1;
    }
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            deepest = std::max(deepest, depthOf(v));
        return deepest + 1;
    }
    return 0;
}

bool hasControlCharacters(const QString &s)
{
    for (QChar c : s) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    }
    return false;
}

} // namespace

Status validateConfig(const TenantConfig &config)
{
    QList<FieldError> errors;
    const QString name = config.displayName.trimmed();
    if (name.isEmpty())
        errors.append({u"display_name"_s, u"must not be empty"_s});
    else if (name.size() > 200)
        errors.append({u"display_name"_s, u"must be at most 200 characters"_s});
    else if (hasControlCharacters(config.displayName))
        errors.append({u"display_name"_s, u"must not contain control characters"_s});

    static const QRegularExpression colour(u"^#[0-9a-fA-F]{6}$"_s);
    if (!colour.match(config.themeColor).hasMatch())
        errors.append({u"theme_color"_s, u"must look like #1a2b3c"_s});

    static const QRegularExpression localeShape(u"^[a-z]{2,3}(_[A-Z]{2})?$"_s);
    if (!localeShape.match(config.locale).hasMatch()
        || QLocale(config.locale).language() == QLocale::C) {
        errors.append({u"locale"_s, u"must be a known locale such as en_US or zh_CN"_s});
    }

    if (config.timeZone.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(config.timeZone.toUtf8()))
        errors.append({u"time_zone"_s, u"must be an IANA time zone such as Europe/Berlin"_s});

    if (QJsonDocument(config.settings).toJson(QJsonDocument::Compact).size() > kMaxSettingsBytes)
        errors.append({u"settings"_s, u"must be at most 64 KiB of JSON"_s});
    else if (depthOf(config.settings) > kMaxSettingsDepth)
        errors.append({u"settings"_s, u"must nest at most 8 levels deep"_s});

    if (!errors.isEmpty())
        return Error::invalid(u"invalid-config"_s, u"The tenant configuration is not valid."_s, errors);
    return {};
}

Result<TenantConfig> applyConfigPatch(const TenantConfig &base, const QJsonObject &patch)
{
    TenantConfig out = base;
    QList<FieldError> errors;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        QString *target = nullptr;
        if (key == "display_name"_L1)
            target = &out.displayName;
        else if (key == "theme_color"_L1)
            target = &out.themeColor;
        else if (key == "locale"_L1)
            target = &out.locale;
        else if (key == "time_zone"_L1)
            target = &out.timeZone;
        if (target) {
            if (!v.isString())
                errors.append({u"/"_s + key, u"must be a string"_s});
            else
                *target = v.toString();
        } else if (key == "settings"_L1) {
            if (!v.isObject())
                errors.append({u"/settings"_s, u"must be a JSON object"_s});
            else
                out.settings = v.toObject();
        } else {
            errors.append({u"/"_s + key, u"is not a configuration field"_s});
        }
    }
    if (!errors.isEmpty())
        return Error::invalid(u"invalid-config"_s, u"The tenant configuration is not valid."_s, errors);
    if (Status valid = validateConfig(out); !valid)
        return valid.error();
    return out;
}

QJsonObject configToJson(const TenantConfig &config)
{
    return {
        {u"display_name"_s, config.displayName},
        {u"theme_color"_s, config.themeColor},
        {u"locale"_s, config.locale},
        {u"time_zone"_s, config.timeZone},
        {u"settings"_s, config.settings},
    };
}

} // namespace Tenantry
