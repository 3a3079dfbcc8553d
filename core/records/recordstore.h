#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/records/changeplan.h"
#include "core/records/entitydefinition.h"
#include "core/records/listquery.h"
#include "core/storage/tenantsession.h"

#include <QDateTime>
#include <QJsonObject>

namespace Tenantry::Records {

// An entity as stored: its definition and bookkeeping.
struct EntityRow {
    EntityDefinition definition;
    qint64 schemaVersion = 0;
    qint64 records = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// A record as stored; `data` holds canonical values only.
struct Record {
    QString id;
    qint64 version = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    QJsonObject data;
};

struct RecordPage {
    QList<Record> items;
    QString nextCursor; // empty on the last page
};

// The SQL of entities and records on one tenant session (one transaction of one tenant).
// Every statement names :tenant and filters on tenant_id, so it cannot reach another
// tenant's rows whatever ids it is given. Keeps record_keys and entity_usage in step with
// every write. Not thread-safe (a session belongs to one call).
class RecordStore final
{
public:
    RecordStore(Storage::TenantSession &session, const Clock &clock);

    // Every entity, by name.
    Result<QList<EntityRow>> entities();
    // How entity() locks the entity's row until the transaction ends (PostgreSQL; SQLite
    // transactions write one at a time anyway): record writes share it, schema changes and
    // deletion take it alone, so no record is written under a definition being replaced.
    enum class Lock { None, Share, Exclusive };
    // "entity-not-found" (NotFound).
    Result<EntityRow> entity(const QString &name, Lock lock = Lock::None);
    // Version 1 of a new entity. "entity-exists" (Conflict); "invalid-entity" when the
    // tenant already has kMaxEntitiesPerTenant entities.
    Result<EntityRow> createEntity(const EntityDefinition &definition, const QString &changedBy);
    // Carries out `plan` on the records and stores the next schema version. Errors:
    // "unique-violation" (Conflict) naming a field whose existing values repeat,
    // "invalid-entity" when existing values break a new max_length or required rule.
    Result<EntityRow> changeEntity(const EntityRow &current, const ChangePlan &plan, const QString &changedBy);
    // Removes the entity with its records, keys, usage and version history.
    Status deleteEntity(const QString &name);

    // "unique-violation" (Conflict) naming the field whose value another record has.
    Result<Record> insertRecord(const EntityDefinition &entity, const QJsonObject &data);
    // One indexed statement. "record-not-found" (NotFound) — also for ids of other
    // entities or tenants.
    Result<Record> record(const QString &entity, const QString &id, bool lock = false);
    Result<Record> updateRecord(const EntityDefinition &entity, const Record &current, const QJsonObject &data);
    Status deleteRecord(const EntityDefinition &entity, const Record &current);
    Result<RecordPage> list(const QString &entity, const ListQuery &query);

private:
    Result<QSqlQuery> exec(const QString &sql, const QVariantMap &values = {});
    QString dataParam() const;
    QString dataColumn() const;
    Status insertKey(const QString &entity, const FieldDefinition &field, const QString &recordId, const QJsonValue &value,
                     const QString &pointer);
    Status addUsage(const QString &entity, qint64 records, qint64 bytes);
    Status saveVersion(const QString &entity, qint64 version, const QByteArray &definition, const QString &changedBy, qint64 at);
    Result<qint64> countWhere(const QString &entity, const QString &condition, const QVariantMap &values = {});
    Result<QList<Record>> allRecords(const QString &entity);

    Storage::TenantSession &m_session;
    const Clock &m_clock;
};

} // namespace Tenantry::Records
