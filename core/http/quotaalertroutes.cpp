#include "core/http/quotaalertroutes.h"

#include "core/http/jsonbody.h"
#include "core/http/tenantlookup.h"
#include "core/notify/webhooktarget.h"
#include "core/quota/quotaalertjson.h"

#include <QJsonArray>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Tenantry::Http {
namespace {

// Longer than any real endpoint or HMAC key; refusing more keeps hostile input out of the
// catalog.
constexpr qsizetype kMaxUrlLength = 2048;
constexpr qsizetype kMaxSecretBytes = 256;

std::optional<qint64> readTime(const QUrlQuery &params, const QString &name, QList<FieldError> &errors)
{
    if (!params.hasQueryItem(name))
        return std::nullopt;
    const QString text = params.queryItemValue(name, QUrl::FullyDecoded);
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        errors.append({name, u"must be an ISO 8601 time such as 2026-01-31T12:00:00Z"_s});
        return std::nullopt;
    }
    return t.toMSecsSinceEpoch();
}

// The filters every list route shares; the tenant is left to the caller.
Result<Storage::QuotaAlertFilter> readFilter(const QUrlQuery &params)
{
    Storage::QuotaAlertFilter filter;
    QList<FieldError> errors;
    filter.sinceMs = readTime(params, u"since"_s, errors);
    filter.untilMs = readTime(params, u"until"_s, errors);
    if (params.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        filter.limit = params.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || filter.limit < 1 || filter.limit > Storage::QuotaAlertRepository::kMaxListLimit) {
            errors.append({u"limit"_s, u"must be an integer from 1 to %1"_s.arg(Storage::QuotaAlertRepository::kMaxListLimit)});
            filter.limit = 100;
        }
    }
    if (params.hasQueryItem(u"cursor"_s)) {
        bool ok = false;
        filter.beforeId = params.queryItemValue(u"cursor"_s).toLongLong(&ok);
        if (!ok || filter.beforeId < 1) {
            errors.append({u"cursor"_s, u"must be the next_cursor of a previous page"_s});
            filter.beforeId = 0;
        }
    }
    if (filter.sinceMs && filter.untilMs && *filter.untilMs <= *filter.sinceMs)
        errors.append({u"until"_s, u"must be later than since"_s});
    if (!errors.isEmpty())
        return Error::invalid(u"invalid-query"_s, u"Some query parameters are not valid."_s, errors);
    return filter;
}

Result<HttpResponse> listResponse(Storage::QuotaAlertRepository &repository, const TenantDirectory &directory,
                                  const Storage::QuotaAlertFilter &filter)
{
    auto page = repository.list(filter);
    if (!page)
        return page.error();
    const auto snapshot = directory.snapshot();
    QJsonArray alerts;
    for (const Storage::StoredQuotaAlert &stored : std::as_const(page->items)) {
        QJsonObject o = Quota::toJson(stored.alert);
        o.insert(u"id"_s, QString::number(stored.id));
        const auto tenant = snapshot->findId(stored.alert.tenantId);
        o.insert(u"slug"_s, tenant ? QJsonValue(tenant->slug) : QJsonValue(QJsonValue::Null));
        alerts.append(o);
    }
    return HttpResponse::json(QJsonObject{
        {u"alerts"_s, alerts},
        {u"next_cursor"_s, page->nextCursor ? QJsonValue(QString::number(page->nextCursor)) : QJsonValue(QJsonValue::Null)},
    });
}

QJsonObject webhookJson(const Storage::TenantWebhook &webhook)
{
    return {
        {u"url"_s, webhook.url},
        {u"secret_set"_s, !webhook.secret.isEmpty()},
        {u"updated_at"_s, webhook.updatedAt.toString(Qt::ISODateWithMs)},
    };
}

QString generateSecret()
{
    QByteArray random(32, Qt::Uninitialized);
    // The OS CSPRNG (getrandom), as for API keys.
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), 8);
    return QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// A WebhookTarget error, pinned to the field it is about so the problem names it.
Error asFieldError(const Error &error)
{
    Error e = error;
    e.fields = {{error.code.startsWith("webhook-secret"_L1) ? u"/secret"_s : u"/url"_s, error.message}};
    return e;
}

Result<HttpResponse> putWebhook(Storage::QuotaAlertRepository &repository, const Tenant &tenant,
                                const RequestContext &ctx)
{
    auto body = parseJsonObject(ctx.request);
    if (!body)
        return body.error();
    JsonFields fields(body.value());
    fields.allowOnly({u"url"_s, u"secret"_s});
    const QString url = fields.string(u"url"_s, true);
    const bool generated = !body->contains("secret"_L1) || body->value("secret"_L1).isNull();
    QString secret = fields.string(u"secret"_s);
    if (Status ok = fields.finish(); !ok)
        return ok.error();
    if (url.size() > kMaxUrlLength) {
        return Error::invalid(u"webhook-url-too-long"_s, u"The webhook URL is longer than %1 characters."_s.arg(kMaxUrlLength),
                              {{u"/url"_s, u"must be at most %1 characters"_s.arg(kMaxUrlLength)}});
    }
    if (secret.toUtf8().size() > kMaxSecretBytes) {
        return Error::invalid(u"webhook-secret-too-long"_s,
                              u"A webhook signing secret must have at most %1 bytes."_s.arg(kMaxSecretBytes),
                              {{u"/secret"_s, u"must be at most %1 bytes"_s.arg(kMaxSecretBytes)}});
    }
    if (generated)
        secret = generateSecret();
    if (auto target = Notify::WebhookTarget::create(url, secret.toUtf8()); !target)
        return asFieldError(target.error());
    if (Status set = repository.setWebhook(tenant.id, url, secret); !set)
        return set.error();
    auto stored = repository.webhook(tenant.id);
    if (!stored)
        return stored.error();
    if (!stored.value())
        return Error::internal(u"The webhook just stored cannot be read back."_s);
    QJsonObject o = webhookJson(*stored.value());
    if (generated)
        o.insert(u"secret"_s, secret); // the only time it is shown
    return HttpResponse::json(o);
}

} // namespace

void registerQuotaAlertRoutes(Router &router, Storage::QuotaAlertRepository &repository,
                              const TenantDirectory &directory)
{
    router.add("GET", u"/admin/v1/quota-alerts"_s, Scope::Admin,
               [&repository, &directory](const RequestContext &ctx) -> Result<HttpResponse> {
        auto filter = readFilter(ctx.request.query);
        if (!filter)
            return filter.error();
        if (ctx.request.query.hasQueryItem(u"tenant"_s)) {
            auto tenant = tenantNamed(directory, ctx.request.query.queryItemValue(u"tenant"_s, QUrl::FullyDecoded));
            if (!tenant)
                return tenant.error();
            filter->tenantId = tenant.value()->id;
        }
        return listResponse(repository, directory, filter.value());
    });

    router.add("GET", u"/admin/v1/tenants/{slug}/quota-alerts"_s, Scope::Admin,
               [&repository, &directory](const RequestContext &ctx) -> Result<HttpResponse> {
        auto tenant = tenantNamed(directory, ctx.params.value(u"slug"_s));
        if (!tenant)
            return tenant.error();
        auto filter = readFilter(ctx.request.query);
        if (!filter)
            return filter.error();
        filter->tenantId = tenant.value()->id;
        return listResponse(repository, directory, filter.value());
    });

    router.add("GET", u"/api/v1/quota-alerts"_s, Scope::Tenant,
               [&repository, &directory](const RequestContext &ctx) -> Result<HttpResponse> {
        auto filter = readFilter(ctx.request.query);
        if (!filter)
            return filter.error();
        // Whatever the query says, a tenant sees its own alerts only.
        filter->tenantId = ctx.tenant->tenant->id;
        return listResponse(repository, directory, filter.value());
    });

    router.add("GET", u"/admin/v1/tenants/{slug}/webhook"_s, Scope::Admin,
               [&repository, &directory](const RequestContext &ctx) -> Result<HttpResponse> {
        auto tenant = tenantNamed(directory, ctx.params.value(u"slug"_s));
        if (!tenant)
            return tenant.error();
        auto webhook = repository.webhook(tenant.value()->id);
        if (!webhook)
            return webhook.error();
        if (!webhook.value()) {
            return Error::notFound(u"webhook-not-found"_s,
                                   u"Tenant '%1' has no quota alert webhook."_s.arg(tenant.value()->slug));
        }
        return HttpResponse::json(webhookJson(*webhook.value()));
    });

    router.add("PUT", u"/admin/v1/tenants/{slug}/webhook"_s, Scope::Admin,
               [&repository, &directory](const RequestContext &ctx) -> Result<HttpResponse> {
        auto tenant = tenantNamed(directory, ctx.params.value(u"slug"_s));
        if (!tenant)
            return tenant.error();
        return putWebhook(repository, *tenant.value(), ctx);
    });

    router.add("DELETE", u"/admin/v1/tenants/{slug}/webhook"_s, Scope::Admin,
               [&repository, &directory](const RequestContext &ctx) -> Result<HttpResponse> {
        auto tenant = tenantNamed(directory, ctx.params.value(u"slug"_s));
        if (!tenant)
            return tenant.error();
        if (Status removed = repository.removeWebhook(tenant.value()->id); !removed)
            return removed.error();
        return HttpResponse::noContent();
    });
}

} // namespace Tenantry::Http
