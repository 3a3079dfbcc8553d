#include "core/quota/limitsjson.h"

#include <QJsonArray>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Tenantry::Quota {
namespace {

// Reads JSON into limits, collecting every problem with its JSON pointer.
class Reader
{
public:
    QList<FieldError> errors;

    // A whole number in [1, max], or null (0: unlimited). False when absent or bad.
    bool count(const QJsonObject &o, const QString &key, const QString &at, qint64 max, qint64 *out)
    {
        if (!o.contains(key))
            return false;
        const QJsonValue v = o.value(key);
        if (v.isNull()) {
            *out = 0;
            return true;
        }
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d)) {
            errors.append({at + key, u"must be a whole number, or null for no limit"_s});
            return false;
        }
        if (d < 1) {
            errors.append({at + key, u"must be at least 1 (use null for no limit)"_s});
            return false;
        }
        if (d > double(max)) {
            errors.append({at + key, u"must be at most %1"_s.arg(max)});
            return false;
        }
        *out = qint64(d);
        return true;
    }

    bool rate(const QJsonObject &o, double *out)
    {
        const QString key = u"rate_per_second"_s;
        if (!o.contains(key))
            return false;
        const QJsonValue v = o.value(key);
        if (v.isNull()) {
            *out = 0;
            return true;
        }
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || !std::isfinite(d) || d < kMinRatePerSecond || d > kMaxRatePerSecond) {
            errors.append({u"/"_s + key, u"must be a number of requests per second from %1 to %2, or null for no limit"_s
                                             .arg(kMinRatePerSecond)
                                             .arg(qint64(kMaxRatePerSecond))});
            return false;
        }
        *out = d;
        return true;
    }

    QString string(const QJsonObject &o, const QString &key, const QString &at, bool required)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                errors.append({at + key, u"is required"_s});
            return QString();
        }
        if (!v.isString()) {
            errors.append({at + key, u"must be a string"_s});
            return QString();
        }
        return v.toString();
    }

    void allowOnly(const QJsonObject &o, const QString &at, std::initializer_list<QString> allowed)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end())
                errors.append({at + it.key().left(64), u"is not a known field"_s});
        }
    }

    RequestPattern pattern(const QJsonObject &o, const QString &at)
    {
        RequestPattern p;
        p.method = string(o, u"method"_s, at, false).toUpper().toLatin1();
        p.route = string(o, u"route"_s, at, false);
        return p;
    }

    // One rule, or nothing when it is a removal ({"name", "limit": null}) or bad.
    std::optional<CustomRule> rule(const QJsonObject &o, const QString &at, bool *remove)
    {
        allowOnly(o, at, {u"name"_s, u"metric"_s, u"method"_s, u"route"_s, u"window"_s, u"entity"_s, u"limit"_s});
        CustomRule r;
        r.name = string(o, u"name"_s, at, true);
        *remove = o.contains(u"limit"_s) && o.value(u"limit"_s).isNull();
        if (*remove)
            return std::nullopt;
        const qsizetype before = errors.size();
        const QString metric = string(o, u"metric"_s, at, false);
        if (!metric.isEmpty() && !parseRuleMetric(metric, &r.metric))
            errors.append({at + u"metric"_s, u"must be \"requests\" or \"records\""_s});
        if (!count(o, u"limit"_s, at, kMaxLimit, &r.limit) && !o.contains(u"limit"_s))
            errors.append({at + u"limit"_s, u"is required"_s});
        if (r.metric == RuleMetric::Records) {
            r.entity = string(o, u"entity"_s, at, true);
            for (const QString &key : {u"method"_s, u"route"_s, u"window"_s}) {
                if (o.contains(key))
                    errors.append({at + key, u"does not apply to a records rule"_s});
            }
        } else {
            r.requests = pattern(o, at);
            const QString window = string(o, u"window"_s, at, true);
            if (!window.isEmpty() && !parseRuleWindow(window, &r.window))
                errors.append({at + u"window"_s, u"must be \"minute\", \"hour\", \"day\" or \"month\""_s});
            if (o.contains(u"entity"_s))
                errors.append({at + u"entity"_s, u"only applies to a records rule"_s});
        }
        if (errors.size() != before)
            return std::nullopt;
        return r;
    }
};

QJsonValue countJson(qint64 value)
{
    return value > 0 ? QJsonValue(double(value)) : QJsonValue(QJsonValue::Null);
}

QJsonObject patternJson(const RequestPattern &p)
{
    QJsonObject o;
    if (!p.method.isEmpty())
        o.insert(u"method"_s, QString::fromLatin1(p.method));
    if (!p.route.isEmpty())
        o.insert(u"route"_s, p.route);
    return o;
}

} // namespace

Result<Limits> applyLimitsJson(const Limits &base, const QJsonObject &json)
{
    Limits out = base;
    Reader r;
    r.allowOnly(json, u"/"_s,
                {u"api_calls_per_day"_s, u"api_calls_per_month"_s, u"rate_per_second"_s, u"burst"_s,
                 u"max_concurrent"_s, u"storage_bytes"_s, u"db_connections"_s, u"rules"_s, u"costs"_s});
    r.count(json, u"api_calls_per_day"_s, u"/"_s, kMaxLimit, &out.apiCallsPerDay);
    r.count(json, u"api_calls_per_month"_s, u"/"_s, kMaxLimit, &out.apiCallsPerMonth);
    r.count(json, u"max_concurrent"_s, u"/"_s, kMaxLimit, &out.maxConcurrent);
    r.count(json, u"burst"_s, u"/"_s, kMaxBurst, &out.burst);
    r.count(json, u"storage_bytes"_s, u"/"_s, kMaxStorageBytes, &out.storageBytes);
    qint64 connections = out.dbConnections;
    if (r.count(json, u"db_connections"_s, u"/"_s, kMaxDbConnections, &connections))
        out.dbConnections = int(connections);
    r.rate(json, &out.ratePerSecond);

    if (json.contains(u"rules"_s)) {
        const QJsonValue v = json.value(u"rules"_s);
        if (!v.isArray()) {
            r.errors.append({u"/rules"_s, u"must be an array of rules"_s});
        } else {
            const QJsonArray rules = v.toArray();
            QSet<QString> seen;
            for (qsizetype i = 0; i < rules.size(); ++i) {
                const QString at = u"/rules/%1/"_s.arg(i);
                if (!rules.at(i).isObject()) {
                    r.errors.append({at.chopped(1), u"must be an object"_s});
                    continue;
                }
                bool remove = false;
                const std::optional<CustomRule> rule = r.rule(rules.at(i).toObject(), at, &remove);
                const QString name = rules.at(i).toObject().value(u"name"_s).toString();
                if (!name.isEmpty() && seen.contains(name)) {
                    r.errors.append({at + u"name"_s, u"names another rule of this list"_s});
                    continue;
                }
                seen.insert(name);
                const auto same = [&](const CustomRule &c) { return c.name == name; };
                if (remove)
                    out.rules.removeIf(same);
                if (!rule)
                    continue;
                const auto it = std::find_if(out.rules.begin(), out.rules.end(), same);
                if (it != out.rules.end())
                    *it = *rule;
                else
                    out.rules.append(*rule);
            }
        }
    }
    if (json.contains(u"costs"_s)) {
        const QJsonValue v = json.value(u"costs"_s);
        if (!v.isArray()) {
            r.errors.append({u"/costs"_s, u"must be an array of {method, route, cost}"_s});
        } else {
            const QJsonArray costs = v.toArray();
            for (qsizetype i = 0; i < costs.size(); ++i) {
                const QString at = u"/costs/%1/"_s.arg(i);
                if (!costs.at(i).isObject()) {
                    r.errors.append({at.chopped(1), u"must be an object"_s});
                    continue;
                }
                const QJsonObject o = costs.at(i).toObject();
                r.allowOnly(o, at, {u"method"_s, u"route"_s, u"cost"_s});
                RouteCost c;
                c.requests = r.pattern(o, at);
                if (!r.count(o, u"cost"_s, at, kMaxCost, &c.cost) || c.cost == 0) {
                    if (!o.contains(u"cost"_s) || o.value(u"cost"_s).isNull())
                        r.errors.append({at + u"cost"_s, u"is required"_s});
                    continue;
                }
                const auto it = std::find_if(out.costs.begin(), out.costs.end(), [&](const RouteCost &e) {
                    return e.requests.method == c.requests.method && e.requests.route == c.requests.route;
                });
                if (it != out.costs.end())
                    *it = c;
                else
                    out.costs.append(c);
            }
        }
    }
    if (!r.errors.isEmpty()) {
        QStringList names;
        for (const FieldError &e : std::as_const(r.errors))
            names.append(e.field);
        return Error::invalid(u"invalid-quota-limits"_s,
                              u"The quota limits are not valid: check %1."_s.arg(names.join(u", "_s)), r.errors);
    }
    if (Status ok = out.validate(); !ok) {
        Error e = ok.error();
        for (FieldError &f : e.fields)
            f.field.prepend(u'/');
        return e;
    }
    return out;
}

QJsonObject limitsToJson(const Limits &limits)
{
    QJsonObject o{{u"api_calls_per_day"_s, countJson(limits.apiCallsPerDay)},
                  {u"api_calls_per_month"_s, countJson(limits.apiCallsPerMonth)},
                  {u"rate_per_second"_s, limits.ratePerSecond > 0 ? QJsonValue(limits.ratePerSecond)
                                                                  : QJsonValue(QJsonValue::Null)},
                  {u"burst"_s, countJson(limits.burst)},
                  {u"max_concurrent"_s, countJson(limits.maxConcurrent)},
                  {u"storage_bytes"_s, countJson(limits.storageBytes)},
                  {u"db_connections"_s, countJson(limits.dbConnections)}};
    QJsonArray rules;
    for (const CustomRule &rule : limits.rules) {
        QJsonObject r = rule.metric == RuleMetric::Records ? QJsonObject{{u"entity"_s, rule.entity}}
                                                           : patternJson(rule.requests);
        r.insert(u"name"_s, rule.name);
        r.insert(u"metric"_s, ruleMetricName(rule.metric));
        if (rule.metric == RuleMetric::Requests)
            r.insert(u"window"_s, ruleWindowName(rule.window));
        r.insert(u"limit"_s, double(rule.limit));
        rules.append(r);
    }
    o.insert(u"rules"_s, rules);
    QJsonArray costs;
    for (const RouteCost &c : limits.costs) {
        QJsonObject e = patternJson(c.requests);
        e.insert(u"cost"_s, double(c.cost));
        costs.append(e);
    }
    o.insert(u"costs"_s, costs);
    return o;
}

} // namespace Tenantry::Quota
