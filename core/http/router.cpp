#include "core/http/router.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Tenantry::Http {

Actor adminActor(const RequestContext &ctx)
{
    static const QRegularExpression kOperatorName(u"^[A-Za-z0-9._:@+-]{1,64}$"_s);
    const QString claimed = QString::fromUtf8(ctx.request.header(kOperatorHeader));
    const QString id = !claimed.isEmpty() && kOperatorName.match(claimed).hasMatch() ? u"admin:"_s + claimed
                                                                                     : u"admin"_s;
    return {id, ctx.request.requestId, ctx.request.remoteAddress.toString()};
}

void Router::add(const QByteArray &method, const QString &pattern, Scope scope, Handler handler)
{
    m_routes.push_back({method, pattern.split(u'/', Qt::SkipEmptyParts), scope, std::move(handler)});
}

Router::Match Router::find(const QByteArray &method, const QByteArray &path, std::optional<Scope> onlyScope) const
{
    Match match;
    const QList<QByteArray> parts = path.split('/');
    QList<QByteArray> segments;
    for (const QByteArray &p : parts) {
        if (!p.isEmpty())
            segments.append(p);
    }
    for (const Route &route : m_routes) {
        if (onlyScope && route.scope != *onlyScope)
            continue;
        if (route.segments.size() != segments.size())
            continue;
        PathParams params;
        bool matches = true;
        for (qsizetype i = 0; i < segments.size() && matches; ++i) {
            const QString &want = route.segments.at(i);
            if (want.startsWith(u'{') && want.endsWith(u'}'))
                params.insert(want.mid(1, want.size() - 2), QUrl::fromPercentEncoding(segments.at(i)));
            else
                matches = QLatin1StringView(segments.at(i)) == want;
        }
        if (!matches)
            continue;
        if (route.method != method) {
            match.allowedMethods.append(route.method);
            continue;
        }
        match.route = &route;
        match.params = std::move(params);
        match.allowedMethods.clear();
        return match;
    }
    return match;
}

} // namespace Tenantry::Http
