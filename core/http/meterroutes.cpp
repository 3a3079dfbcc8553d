#include "core/http/meterroutes.h"

#include "core/http/jsonbody.h"
#include "core/http/tenantlookup.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tenantry::Http {
namespace {

constexpr qsizetype kMaxEventsPerBatch = 1000;
// Clients' clocks run a little ahead; further ahead is a mistake that would bill a future period.
constexpr qint64 kFutureToleranceMs = 5 * 60 * 1000;

// Reads the batch; `tenantOf` gives the tenant id of one event object (or a field error).
Result<QList<Billing::MeterEvent>> readEvents(const QJsonObject &body, qint64 nowMs, bool withTenant,
                                              const std::function<Result<QString>(const QJsonObject &, const QString &)> &tenantOf)
{
    QList<FieldError> errors;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != u"events"_s)
            errors.append({u"/"_s + it.key(), u"unknown field"_s});
    }
    const QJsonValue list = body.value(u"events"_s);
    if (!list.isArray() || list.toArray().isEmpty())
        errors.append({u"/events"_s, u"a non-empty array of events"_s});
    else if (list.toArray().size() > kMaxEventsPerBatch)
        errors.append({u"/events"_s, u"at most %1 events per request"_s.arg(kMaxEventsPerBatch)});
    if (!errors.isEmpty())
        return Error::invalid(u"invalid-meter-event"_s, u"The meter events are not valid."_s, errors);

    QList<Billing::MeterEvent> events;
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = u"/events/%1"_s.arg(i);
        if (!array.at(i).isObject()) {
            errors.append({at, u"an object"_s});
            continue;
        }
        const QJsonObject o = array.at(i).toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            static const QStringList known{u"id"_s, u"tenant"_s, u"dimension"_s, u"quantity"_s, u"occurred_at"_s};
            if (!known.contains(it.key()) || (!withTenant && it.key() == u"tenant"_s))
                errors.append({at + u"/"_s + it.key(), withTenant || it.key() != u"tenant"_s
                                                             ? u"unknown field"_s
                                                             : u"a tenant reports only its own usage"_s});
        }
        Billing::MeterEvent e;
        e.eventId = o.value(u"id"_s).toString();
        e.dimension = o.value(u"dimension"_s).toString();
        const QJsonValue quantity = o.value(u"quantity"_s);
        const double q = quantity.toDouble(-1);
        e.quantity = quantity.isDouble() && q == std::floor(q) && q >= 1 && q <= 1e12 ? qint64(q) : 0;
        e.occurredAtMs = nowMs;
        if (o.contains(u"occurred_at"_s)) {
            const QDateTime when = QDateTime::fromString(o.value(u"occurred_at"_s).toString(), Qt::ISODateWithMs);
            // A bad time is reported here once; validation then sees a plausible one.
            e.occurredAtMs = when.isValid() ? when.toMSecsSinceEpoch() : nowMs;
            if (!when.isValid())
                errors.append({at + u"/occurred_at"_s, u"an ISO 8601 time with a zone, e.g. 2026-03-01T12:00:00Z"_s});
            else if (e.occurredAtMs > nowMs + kFutureToleranceMs)
                errors.append({at + u"/occurred_at"_s, u"in the future"_s});
        }
        if (auto tenant = tenantOf(o, at); tenant)
            e.tenantId = tenant.value();
        else
            errors.append(tenant.error().fields);
        if (Status valid = Billing::validateMeterEvent(e, at); !valid)
            errors.append(valid.error().fields);
        events.append(e);
    }
    if (!errors.isEmpty())
        return Error::invalid(u"invalid-meter-event"_s, u"The meter events are not valid; none was recorded."_s, errors);
    return events;
}

Result<HttpResponse> ingest(Storage::MeterRepository &meter, const Result<QList<Billing::MeterEvent>> &events,
                            qint64 nowMs)
{
    if (!events)
        return events.error();
    auto done = meter.ingest(events.value(), nowMs);
    if (!done)
        return done.error();
    return HttpResponse::json(QJsonObject{{u"accepted"_s, done->accepted}, {u"duplicates"_s, done->duplicates}});
}

Result<qint64> timeParam(const HttpRequest &request, const QString &name)
{
    const QString text = request.query.queryItemValue(name, QUrl::FullyDecoded);
    const QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        return Error::invalid(u"invalid-request"_s, u"'%1' must be an ISO 8601 time, e.g. 2026-03-01T00:00:00Z."_s.arg(name),
                              {{name, u"an ISO 8601 time"_s}});
    return when.toMSecsSinceEpoch();
}

} // namespace

void registerMeterRoutes(Router &router, Storage::MeterRepository &meter, const TenantDirectory &directory,
                         const Clock &clock)
{
    router.add("POST", u"/admin/v1/meter-events"_s, Scope::Admin,
               [&meter, &directory, &clock](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto body = parseJsonObject(ctx.request);
                   if (!body)
                       return body.error();
                   const auto snapshot = directory.snapshot();
                   const qint64 now = clock.now().toMSecsSinceEpoch();
                   const auto tenantOf = [&snapshot](const QJsonObject &o, const QString &at) -> Result<QString> {
                       const QString slug = o.value(u"tenant"_s).toString().toLower();
                       if (const auto tenant = snapshot->findSlug(slug))
                           return tenant->id;
                       return Error::invalid(u"tenant-not-found"_s, QString(),
                                             {{at + u"/tenant"_s, u"no tenant '%1'"_s.arg(slug)}});
                   };
                   return ingest(meter, readEvents(body.value(), now, true, tenantOf), now);
               });

    router.add("POST", u"/api/v1/meter-events"_s, Scope::Tenant,
               [&meter, &clock](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto body = parseJsonObject(ctx.request);
                   if (!body)
                       return body.error();
                   const QString self = ctx.tenant->tenant->id;
                   const qint64 now = clock.now().toMSecsSinceEpoch();
                   const auto tenantOf = [&self](const QJsonObject &, const QString &) -> Result<QString> { return self; };
                   return ingest(meter, readEvents(body.value(), now, false, tenantOf), now);
               });

    router.add("GET", u"/admin/v1/tenants/{slug}/metered-usage"_s, Scope::Admin,
               [&meter, &directory](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto tenant = tenantNamed(directory, ctx.params.value(u"slug"_s));
                   if (!tenant)
                       return tenant.error();
                   auto from = timeParam(ctx.request, u"from"_s);
                   if (!from)
                       return from.error();
                   auto to = timeParam(ctx.request, u"to"_s);
                   if (!to)
                       return to.error();
                   if (to.value() <= from.value())
                       return Error::invalid(u"invalid-request"_s, u"'to' must be later than 'from'."_s, {{u"to"_s, u"after from"_s}});
                   auto usage = meter.usage(tenant.value()->id, from.value(), to.value());
                   if (!usage)
                       return usage.error();
                   QJsonObject events;
                   for (auto it = usage->events.cbegin(); it != usage->events.cend(); ++it)
                       events.insert(it.key(), double(it.value()));
                   const auto iso = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs); };
                   return HttpResponse::json(QJsonObject{{u"tenant"_s, tenant.value()->slug},
                                                         {u"from"_s, iso(from.value())},
                                                         {u"to"_s, iso(to.value())},
                                                         {u"api_calls"_s, double(usage->apiCalls)},
                                                         {u"bandwidth_bytes"_s, double(usage->bandwidthBytes)},
                                                         {u"storage_byte_hours"_s, double(usage->storageByteHours)},
                                                         {u"events"_s, events}});
               });
}

} // namespace Tenantry::Http
