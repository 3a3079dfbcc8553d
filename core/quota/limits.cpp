#include "core/quota/limits.h"

#include <QList>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Tenantry::Quota {

namespace {

void checkCount(QList<FieldError> &errors, const QString &field, qint64 value, qint64 max = kMaxLimit)
{
    if (value < 0)
        errors.append({field, u"must be 0 (unlimited) or a positive whole number"_s});
    else if (value > max)
        errors.append({field, u"must be at most %1"_s.arg(max)});
}

bool knownMethod(const QByteArray &method)
{
    static const QList<QByteArray> methods{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
    return method.isEmpty() || methods.contains(method);
}

void checkPattern(QList<FieldError> &errors, const QString &at, const RequestPattern &p)
{
    if (!knownMethod(p.method))
        errors.append({at + u"/method"_s, u"must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"_s});
    if (p.route.isEmpty())
        return;
    static const QRegularExpression shape(u"^(/[A-Za-z0-9._~%*{}-]+)+/?$"_s);
    if (p.route.size() > 200 || !shape.match(p.route).hasMatch()) {
        errors.append({at + u"/route"_s, u"must be a path such as /api/v1/entities/*/records"_s});
        return;
    }
    const QStringList segments = p.route.split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &s = segments.at(i);
        if (s.contains(u'*') && s != u"*"_s && !(s == u"**"_s && i == segments.size() - 1)) {
            errors.append({at + u"/route"_s, u"'*' must be a whole segment, and '**' only the last one"_s});
            return;
        }
    }
}

// Compares one pattern segment with one path segment; '*' matches any non-empty segment.
bool segmentMatches(QStringView pattern, QByteArrayView segment)
{
    if (pattern == u"*")
        return !segment.isEmpty();
    if (pattern.size() != segment.size())
        return false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern.at(i).unicode() != uchar(segment.at(i)))
            return false;
    }
    return true;
}

} // namespace

bool RequestPattern::matches(const QByteArray &requestMethod, QByteArrayView path) const
{
    if (!method.isEmpty() && method != requestMethod)
        return false;
    if (route.isEmpty())
        return true;
    // Walk both as '/'-separated segments without splitting (no allocation per request).
    qsizetype p = 0, q = 0;
    const qsizetype pn = route.size(), qn = path.size();
    while (true) {
        while (p < pn && route.at(p) == u'/')
            ++p;
        while (q < qn && path.at(q) == '/')
            ++q;
        if (p == pn)
            return q == qn;
        qsizetype pe = p;
        while (pe < pn && route.at(pe) != u'/')
            ++pe;
        const QStringView patternSegment = QStringView(route).sliced(p, pe - p);
        if (patternSegment == u"**" && pe == pn)
            return q < qn;
        if (q == qn)
            return false;
        qsizetype qe = q;
        while (qe < qn && path.at(qe) != '/')
            ++qe;
        if (!segmentMatches(patternSegment, path.sliced(q, qe - q)))
            return false;
        p = pe;
        q = qe;
    }
}

QString ruleMetricName(RuleMetric metric)
{
    return metric == RuleMetric::Records ? u"records"_s : u"requests"_s;
}

QString ruleWindowName(RuleWindow window)
{
    switch (window) {
    case RuleWindow::Minute: return u"minute"_s;
    case RuleWindow::Hour: return u"hour"_s;
    case RuleWindow::Day: return u"day"_s;
    case RuleWindow::Month: return u"month"_s;
    }
    return QString();
}

bool parseRuleMetric(const QString &name, RuleMetric *out)
{
    for (RuleMetric m : {RuleMetric::Requests, RuleMetric::Records}) {
        if (ruleMetricName(m) == name) {
            *out = m;
            return true;
        }
    }
    return false;
}

bool parseRuleWindow(const QString &name, RuleWindow *out)
{
    for (RuleWindow w : {RuleWindow::Minute, RuleWindow::Hour, RuleWindow::Day, RuleWindow::Month}) {
        if (ruleWindowName(w) == name) {
            *out = w;
            return true;
        }
    }
    return false;
}

Status Limits::validate() const
{
    QList<FieldError> errors;
    checkCount(errors, u"api_calls_per_day"_s, apiCallsPerDay);
    checkCount(errors, u"api_calls_per_month"_s, apiCallsPerMonth);
    checkCount(errors, u"max_concurrent"_s, maxConcurrent);
    checkCount(errors, u"storage_bytes"_s, storageBytes, kMaxStorageBytes);
    checkCount(errors, u"db_connections"_s, dbConnections, kMaxDbConnections);
    if (!std::isfinite(ratePerSecond) || ratePerSecond < 0)
        errors.append({u"rate_per_second"_s, u"must be 0 (unlimited) or a positive number"_s});
    else if (ratePerSecond != 0
             && (ratePerSecond < kMinRatePerSecond || ratePerSecond > kMaxRatePerSecond))
        errors.append({u"rate_per_second"_s,
                       u"must be between %1 and %2 requests per second"_s.arg(kMinRatePerSecond)
                           .arg(qint64(kMaxRatePerSecond))});
    if (burst < 0)
        errors.append({u"burst"_s, u"must be 0 (one second's worth) or a positive whole number"_s});
    else if (burst > kMaxBurst)
        errors.append({u"burst"_s, u"must be at most %1"_s.arg(kMaxBurst)});
    else if (burst > 0 && ratePerSecond == 0)
        errors.append({u"burst"_s, u"needs rate_per_second: a burst only shapes a rate limit"_s});

    if (rules.size() > kMaxRules)
        errors.append({u"rules"_s, u"may hold at most %1 rules"_s.arg(kMaxRules)});
    static const QRegularExpression ruleName(u"^[a-z0-9][a-z0-9_-]{0,39}$"_s);
    static const QRegularExpression entityName(u"^[a-z][a-z0-9_]{0,62}$"_s);
    QSet<QString> names;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const CustomRule &rule = rules.at(i);
        const QString at = u"rules/%1"_s.arg(i);
        if (!ruleName.match(rule.name).hasMatch())
            errors.append({at + u"/name"_s, u"must be 1 to 40 of a-z, 0-9, '_' and '-', starting with a letter or digit"_s});
        else if (names.contains(rule.name))
            errors.append({at + u"/name"_s, u"is used by another rule"_s});
        names.insert(rule.name);
        if (rule.limit < 1 || rule.limit > kMaxLimit)
            errors.append({at + u"/limit"_s, u"must be a whole number from 1 to %1"_s.arg(kMaxLimit)});
        if (rule.metric == RuleMetric::Records) {
            if (!entityName.match(rule.entity).hasMatch())
                errors.append({at + u"/entity"_s, u"must name an entity (a-z, 0-9 and '_', starting with a letter)"_s});
        } else {
            checkPattern(errors, at, rule.requests);
        }
    }
    if (costs.size() > kMaxCosts)
        errors.append({u"costs"_s, u"may hold at most %1 entries"_s.arg(kMaxCosts)});
    for (qsizetype i = 0; i < costs.size(); ++i) {
        const QString at = u"costs/%1"_s.arg(i);
        checkPattern(errors, at, costs.at(i).requests);
        if (costs.at(i).cost < 1 || costs.at(i).cost > kMaxCost)
            errors.append({at + u"/cost"_s, u"must be a whole number from 1 to %1"_s.arg(kMaxCost)});
    }
    if (errors.isEmpty())
        return {};
    QStringList fieldNames;
    for (const FieldError &e : errors)
        fieldNames.append(e.field);
    return Error::invalid(u"invalid-quota-limits"_s,
                          u"The quota limits are not valid: check %1."_s.arg(fieldNames.join(u", "_s)),
                          errors);
}

qint64 Limits::effectiveBurst() const
{
    if (burst > 0)
        return burst;
    return std::clamp<qint64>(qint64(std::ceil(ratePerSecond)), 1, kMaxBurst);
}

qint64 Limits::costOf(const QByteArray &method, QByteArrayView path) const
{
    for (const RouteCost &c : costs) {
        if (c.requests.matches(method, path))
            return c.cost;
    }
    return 1;
}

bool Limits::unlimited() const
{
    return apiCallsPerDay == 0 && apiCallsPerMonth == 0 && ratePerSecond == 0 && maxConcurrent == 0
        && storageBytes == 0 && dbConnections == 0 && rules.isEmpty() && !writesRefused;
}

} // namespace Tenantry::Quota
