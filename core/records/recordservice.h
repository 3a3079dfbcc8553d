#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/records/recordstore.h"
#include "core/records/recordvalidator.h"
#include "core/storage/tenantdataaccess.h"
#include "core/tenancy/tenant.h"

#include <QJsonObject>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace Tenantry::Records {

// Tenants' custom entities and their records. Each call is one transaction on the given
// tenant's data through TenantDataAccess, so a failed call changes nothing, and nothing
// here can name another tenant's rows: the tenant comes from the caller (the pipeline's
// TenantContext or the admin route's slug), never from the request body or an id.
// `expectedVersion` arguments implement If-Match: when set and different from the current
// version the call fails with "precondition-failed" (PreconditionFailed) and changes nothing.
// Thread-safe as far as `data` is (it holds no state of its own besides the clock).
class RecordService final
{
public:
    RecordService(Storage::TenantDataAccess &data, const Clock &clock);

    Result<QList<EntityRow>> listEntities(const Tenant &tenant);
    // Errors: "invalid-entity", "entity-exists".
    Result<EntityRow> createEntity(const Tenant &tenant, const QJsonObject &body, const QString &changedBy);
    // "entity-not-found".
    Result<EntityRow> entity(const Tenant &tenant, const QString &name);
    // Replaces the definition with `body` (the full new definition, plus an optional
    // "confirm_field_removal": true) and adapts the records (see ChangePlan). Errors:
    // "invalid-entity", "field-type-change", "field-removal-unconfirmed", "unique-violation",
    // "entity-not-found", "precondition-failed" (against schema_version).
    Result<EntityRow> changeEntity(const Tenant &tenant, const QString &name, const QJsonObject &body,
                                   std::optional<qint64> expectedVersion, const QString &changedBy);
    // "entity-not-empty" (Conflict) when it has records and `confirm` is false.
    Status deleteEntity(const Tenant &tenant, const QString &name, bool confirm);

    // The most records a tenant may keep in an entity (0 or less: no limit), asked on every
    // create; e.g. from the tenant's quota rules. Set before use.
    void setRecordLimit(std::function<qint64(const Tenant &, const QString &entity)> limit);

    // Errors: "entity-not-found", "invalid-record", "record-too-large", "unique-violation",
    // "record-quota-exceeded" (Forbidden) when the entity already holds its limit.
    Result<Record> createRecord(const Tenant &tenant, const QString &entity, const RecordInput &input);
    // "entity-not-found" or "record-not-found".
    Result<Record> record(const Tenant &tenant, const QString &entity, const QString &id);
    // PUT (Replace) or PATCH (Patch) of one record; the version goes up by one.
    Result<Record> writeRecord(const Tenant &tenant, const QString &entity, const QString &id, const RecordInput &input,
                               WriteMode mode, std::optional<qint64> expectedVersion);
    Status deleteRecord(const Tenant &tenant, const QString &entity, const QString &id,
                        std::optional<qint64> expectedVersion);
    // One page of records; see parseListQuery() for the parameters and their errors.
    Result<RecordPage> listRecords(const Tenant &tenant, const QString &entity, const QUrlQuery &params);

private:
    template <typename T, typename Work>
    Result<T> inTenant(const Tenant &tenant, Work work);

    Storage::TenantDataAccess &m_data;
    const Clock &m_clock;
    std::function<qint64(const Tenant &, const QString &)> m_recordLimit;
};

} // namespace Tenantry::Records
