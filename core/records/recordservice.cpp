#include "core/records/recordservice.h"

#include "core/records/changeplan.h"
#include "core/records/listquery.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Records {
namespace {

Status checkVersion(std::optional<qint64> expected, qint64 current, const QString &what)
{
    if (expected && *expected != current) {
        return Error::preconditionFailed(u"precondition-failed"_s,
                                         u"%1 is at version %2, not %3; read it again and retry."_s.arg(what).arg(current).arg(*expected));
    }
    return {};
}

} // namespace

RecordService::RecordService(Storage::TenantDataAccess &data, const Clock &clock)
    : m_data(data)
    , m_clock(clock)
{
}

template <typename T, typename Work>
Result<T> RecordService::inTenant(const Tenant &tenant, Work work)
{
    std::optional<Result<T>> out;
    const Status done = m_data.run(tenant, [&](Storage::TenantSession &session) -> Status {
        RecordStore store(session, m_clock);
        out.emplace(work(store));
        if (!out->ok())
            return out->error();
        return {};
    });
    if (!done)
        return done.error();
    return std::move(*out);
}

Result<QList<EntityRow>> RecordService::listEntities(const Tenant &tenant)
{
    return inTenant<QList<EntityRow>>(tenant, [](RecordStore &store) { return store.entities(); });
}

Result<EntityRow> RecordService::createEntity(const Tenant &tenant, const QJsonObject &body, const QString &changedBy)
{
    auto definition = parseEntityDefinition(body);
    if (!definition)
        return definition.error();
    return inTenant<EntityRow>(tenant, [&](RecordStore &store) { return store.createEntity(definition.value(), changedBy); });
}

Result<EntityRow> RecordService::entity(const Tenant &tenant, const QString &name)
{
    return inTenant<EntityRow>(tenant, [&](RecordStore &store) { return store.entity(name); });
}

Result<EntityRow> RecordService::changeEntity(const Tenant &tenant, const QString &name, const QJsonObject &body,
                                              std::optional<qint64> expectedVersion, const QString &changedBy)
{
    const QJsonValue confirm = body.value("confirm_field_removal"_L1);
    if (!confirm.isUndefined() && !confirm.isBool()) {
        return Error::invalid(u"invalid-entity"_s, u"The entity definition is not valid."_s,
                              {{u"/confirm_field_removal"_s, u"must be true or false"_s}});
    }
    auto next = parseEntityDefinition(body, {u"confirm_field_removal"_s}, name);
    return inTenant<EntityRow>(tenant, [&](RecordStore &store) -> Result<EntityRow> {
        auto current = store.entity(name, RecordStore::Lock::Exclusive);
        if (!current)
            return current.error(); // an unknown entity is 404 before its new definition is judged
        if (!next)
            return next.error();
        if (Status ok = checkVersion(expectedVersion, current->schemaVersion, u"Entity '%1'"_s.arg(name)); !ok)
            return ok.error();
        auto plan = planChange(current->definition, next.value(), confirm.toBool(), current->records);
        if (!plan)
            return plan.error();
        return store.changeEntity(current.value(), plan.value(), changedBy);
    });
}

Status RecordService::deleteEntity(const Tenant &tenant, const QString &name, bool confirm)
{
    auto done = inTenant<bool>(tenant, [&](RecordStore &store) -> Result<bool> {
        auto current = store.entity(name, RecordStore::Lock::Exclusive);
        if (!current)
            return current.error();
        if (current->records > 0 && !confirm) {
            return Error::conflict(u"entity-not-empty"_s,
                                   u"Entity '%1' has %2 records; add ?confirm=true to delete it with all of them."_s
                                       .arg(name)
                                       .arg(current->records));
        }
        if (Status ok = store.deleteEntity(name); !ok)
            return ok.error();
        return true;
    });
    if (!done)
        return done.error();
    return {};
}

void RecordService::setRecordLimit(std::function<qint64(const Tenant &, const QString &)> limit)
{
    m_recordLimit = std::move(limit);
}

Result<Record> RecordService::createRecord(const Tenant &tenant, const QString &entity, const RecordInput &input)
{
    const qint64 limit = m_recordLimit ? m_recordLimit(tenant, entity) : 0;
    return inTenant<Record>(tenant, [&](RecordStore &store) -> Result<Record> {
        // With a limit, creates of the entity take turns so that two cannot both see room
        // for one more.
        auto e = store.entity(entity, limit > 0 ? RecordStore::Lock::Exclusive : RecordStore::Lock::Share);
        if (!e)
            return e.error();
        if (limit > 0 && e->records >= limit) {
            return Error::forbidden(u"record-quota-exceeded"_s,
                                    u"The entity '%1' holds %2 records, the tenant's limit: delete some or ask for a "
                                    "higher limit."_s.arg(entity).arg(e->records));
        }
        auto data = validateRecord(e->definition, input, WriteMode::Create);
        if (!data)
            return data.error();
        return store.insertRecord(e->definition, data.value());
    });
}

Result<Record> RecordService::record(const Tenant &tenant, const QString &entity, const QString &id)
{
    return inTenant<Record>(tenant, [&](RecordStore &store) -> Result<Record> {
        auto r = store.record(entity, id);
        if (!r && r.error().code == "record-not-found"_L1) {
            // Only a miss pays for telling an unknown entity from an unknown record.
            if (auto e = store.entity(entity); !e)
                return e.error();
        }
        return r;
    });
}

Result<Record> RecordService::writeRecord(const Tenant &tenant, const QString &entity, const QString &id,
                                          const RecordInput &input, WriteMode mode, std::optional<qint64> expectedVersion)
{
    return inTenant<Record>(tenant, [&](RecordStore &store) -> Result<Record> {
        auto e = store.entity(entity, RecordStore::Lock::Share);
        if (!e)
            return e.error();
        auto current = store.record(entity, id, true);
        if (!current)
            return current.error();
        if (Status ok = checkVersion(expectedVersion, current->version, u"Record '%1'"_s.arg(id)); !ok)
            return ok.error();
        auto data = validateRecord(e->definition, input, mode, current->data);
        if (!data)
            return data.error();
        return store.updateRecord(e->definition, current.value(), data.value());
    });
}

Status RecordService::deleteRecord(const Tenant &tenant, const QString &entity, const QString &id,
                                   std::optional<qint64> expectedVersion)
{
    auto done = inTenant<bool>(tenant, [&](RecordStore &store) -> Result<bool> {
        auto e = store.entity(entity, RecordStore::Lock::Share);
        if (!e)
            return e.error();
        auto current = store.record(entity, id, true);
        if (!current)
            return current.error();
        if (Status ok = checkVersion(expectedVersion, current->version, u"Record '%1'"_s.arg(id)); !ok)
            return ok.error();
        if (Status ok = store.deleteRecord(e->definition, current.value()); !ok)
            return ok.error();
        return true;
    });
    if (!done)
        return done.error();
    return {};
}

Result<RecordPage> RecordService::listRecords(const Tenant &tenant, const QString &entity, const QUrlQuery &params)
{
    return inTenant<RecordPage>(tenant, [&](RecordStore &store) -> Result<RecordPage> {
        auto e = store.entity(entity);
        if (!e)
            return e.error();
        auto query = parseListQuery(params, e->definition, tenant.id);
        if (!query)
            return query.error();
        return store.list(entity, query.value());
    });
}

} // namespace Tenantry::Records
