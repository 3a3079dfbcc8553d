#include "core/records/recordstore.h"

#include "core/records/fieldvalue.h"
#include "core/records/listsql.h"
#include "core/records/recordid.h"
#include "core/records/recordvalidator.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Tenantry::Records {
namespace {

using Storage::Dialect;

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray compact(const QJsonArray &a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

QDateTime fromMs(const QVariant &v)
{
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

Error entityNotFound(const QString &name)
{
    return Error::notFound(u"entity-not-found"_s, u"There is no entity '%1'."_s.arg(name.left(64)));
}

Error recordNotFound(const QString &entity, const QString &id)
{
    return Error::notFound(u"record-not-found"_s, u"Entity '%1' has no record '%2'."_s.arg(entity, id.left(64)));
}

Error uniqueViolation(const QString &pointer, const QString &field)
{
    return Error{ErrorKind::Conflict, u"unique-violation"_s,
                 u"Field '%1' is unique and another record already has this value."_s.arg(field),
                 {{pointer, u"another record already has this value"_s}}};
}

// Reads (id, version, created_at, updated_at, data) at the query's current row.
Record recordAt(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toLongLong(), fromMs(q.value(2)), fromMs(q.value(3)),
            QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object()};
}

} // namespace

RecordStore::RecordStore(Storage::TenantSession &session, const Clock &clock)
    : m_session(session)
    , m_clock(clock)
{
}

Result<QSqlQuery> RecordStore::exec(const QString &sql, const QVariantMap &values)
{
    return m_session.exec(sql, values);
}

QString RecordStore::dataParam() const
{
    return m_session.dialect() == Dialect::Postgres ? u"CAST(:data AS JSONB)"_s : u":data"_s;
}

QString RecordStore::dataColumn() const
{
    return m_session.dialect() == Dialect::Postgres ? u"CAST(data AS TEXT)"_s : u"data"_s;
}

Result<QList<EntityRow>> RecordStore::entities()
{
    auto q = exec(u"SELECT e.name, e.schema_version, e.definition, e.created_at, e.updated_at, COALESCE(u.records, 0) "
                  "FROM entities e LEFT JOIN entity_usage u ON u.tenant_id = e.tenant_id AND u.entity = e.name "
                  "WHERE e.tenant_id = :tenant ORDER BY e.name"_s);
    if (!q)
        return q.error();
    QList<EntityRow> out;
    while (q->next()) {
        auto definition = definitionFromStored(q->value(0).toString(), q->value(2).toString().toUtf8());
        if (!definition)
            return definition.error();
        out.append({definition.value(), q->value(1).toLongLong(), q->value(5).toLongLong(), fromMs(q->value(3)),
                    fromMs(q->value(4))});
    }
    return out;
}

Result<EntityRow> RecordStore::entity(const QString &name, Lock lock)
{
    if (!isValidName(name))
        return entityNotFound(name);
    QString forUpdate;
    if (m_session.dialect() == Dialect::Postgres && lock != Lock::None)
        forUpdate = lock == Lock::Share ? u" FOR SHARE OF e"_s : u" FOR UPDATE OF e"_s;
    auto q = exec(u"SELECT e.schema_version, e.definition, e.created_at, e.updated_at, COALESCE(u.records, 0) "
                  "FROM entities e LEFT JOIN entity_usage u ON u.tenant_id = e.tenant_id AND u.entity = e.name "
                  "WHERE e.tenant_id = :tenant AND e.name = :name"_s + forUpdate,
                  {{u"name"_s, name}});
    if (!q)
        return q.error();
    if (!q->next())
        return entityNotFound(name);
    auto definition = definitionFromStored(name, q->value(1).toString().toUtf8());
    if (!definition)
        return definition.error();
    return EntityRow{definition.value(), q->value(0).toLongLong(), q->value(4).toLongLong(), fromMs(q->value(2)),
                     fromMs(q->value(3))};
}

Result<EntityRow> RecordStore::createEntity(const EntityDefinition &definition, const QString &changedBy)
{
    auto count = exec(u"SELECT COUNT(*) FROM entities WHERE tenant_id = :tenant"_s);
    if (!count)
        return count.error();
    if (count->next() && count->value(0).toLongLong() >= kMaxEntitiesPerTenant) {
        return Error::invalid(u"invalid-entity"_s, u"A tenant may have at most %1 entities."_s.arg(kMaxEntitiesPerTenant),
                              {{u"/name"_s, u"the tenant already has %1 entities"_s.arg(kMaxEntitiesPerTenant)}});
    }
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    const QByteArray fields = compact(fieldsToJson(definition.fields));
    auto inserted = exec(u"INSERT INTO entities (tenant_id, name, schema_version, definition, created_at, updated_at) "
                         "VALUES (:tenant, :name, 1, :definition, :now, :now)"_s,
                         {{u"name"_s, definition.name}, {u"definition"_s, QString::fromUtf8(fields)}, {u"now"_s, now}});
    if (!inserted) {
        if (inserted.error().code == "unique-violation"_L1)
            return Error::conflict(u"entity-exists"_s, u"Entity '%1' already exists."_s.arg(definition.name));
        return inserted.error();
    }
    if (Status ok = saveVersion(definition.name, 1, fields, changedBy, now); !ok)
        return ok.error();
    auto usage = exec(u"INSERT INTO entity_usage (tenant_id, entity, records, bytes) VALUES (:tenant, :entity, 0, 0)"_s,
                      {{u"entity"_s, definition.name}});
    if (!usage)
        return usage.error();
    return EntityRow{definition, 1, 0, fromMs(now), fromMs(now)};
}

Status RecordStore::saveVersion(const QString &entity, qint64 version, const QByteArray &definition,
                                const QString &changedBy, qint64 at)
{
    auto q = exec(u"INSERT INTO entity_versions (tenant_id, entity, schema_version, definition, changed_at, changed_by) "
                  "VALUES (:tenant, :entity, :version, :definition, :at, :by)"_s,
                  {{u"entity"_s, entity}, {u"version"_s, version}, {u"definition"_s, QString::fromUtf8(definition)},
                   {u"at"_s, at}, {u"by"_s, changedBy}});
    if (!q)
        return q.error();
    return {};
}

Result<qint64> RecordStore::countWhere(const QString &entity, const QString &condition, const QVariantMap &values)
{
    QVariantMap all = values;
    all.insert(u"entity"_s, entity);
    auto q = exec(u"SELECT COUNT(*) FROM records r WHERE r.tenant_id = :tenant AND r.entity = :entity AND "_s + condition, all);
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<QList<Record>> RecordStore::allRecords(const QString &entity)
{
    auto q = exec(u"SELECT id, version, created_at, updated_at, %1 FROM records WHERE tenant_id = :tenant AND entity = :entity"_s
                      .arg(dataColumn()),
                  {{u"entity"_s, entity}});
    if (!q)
        return q.error();
    QList<Record> out;
    while (q->next())
        out.append(recordAt(q.value()));
    return out;
}

Result<EntityRow> RecordStore::changeEntity(const EntityRow &current, const ChangePlan &plan, const QString &changedBy)
{
    const QString name = current.definition.name;
    const Dialect dialect = m_session.dialect();
    QList<FieldError> dataProblems;
    for (const FieldDefinition &f : plan.tightened) {
        const QString value = dialect == Dialect::Postgres ? u"(r.data ->> '%1')"_s.arg(f.name)
                                                           : u"json_extract(r.data, '$.%1')"_s.arg(f.name);
        auto longer = countWhere(name, u"length(%1) > %2"_s.arg(value).arg(*f.maxLength));
        if (!longer)
            return longer.error();
        if (longer.value() > 0) {
            dataProblems.append({plan.pointerOf(f.name) + u"/max_length"_s,
                                 u"%1 records hold longer values"_s.arg(longer.value())});
        }
    }
    for (const FieldDefinition &f : plan.mustHaveValue) {
        auto lacking = countWhere(name, missingCondition(f.name, dialect));
        if (!lacking)
            return lacking.error();
        if (lacking.value() > 0) {
            dataProblems.append({plan.pointerOf(f.name) + u"/default"_s,
                                 u"%1 records have no value for this field; give a default to fill them"_s.arg(lacking.value())});
        }
    }
    if (!dataProblems.isEmpty()) {
        return Error::invalid(u"invalid-entity"_s, u"The records entity '%1' already has do not fit the new definition."_s.arg(name),
                              dataProblems);
    }

    for (const QString &field : plan.keysToDrop) {
        auto q = exec(u"DELETE FROM record_keys WHERE tenant_id = :tenant AND entity = :entity AND field = :field"_s,
                      {{u"entity"_s, name}, {u"field"_s, field}});
        if (!q)
            return q.error();
    }
    for (const auto &[fields, unique] : {std::pair{plan.becameUnique, 1}, std::pair{plan.becameNonUnique, 0}}) {
        for (const QString &field : fields) {
            auto q = exec(u"UPDATE record_keys SET is_unique = :unique WHERE tenant_id = :tenant AND entity = :entity "
                          "AND field = :field"_s,
                          {{u"entity"_s, name}, {u"field"_s, field}, {u"unique"_s, unique}});
            if (!q) {
                if (q.error().code == "unique-violation"_L1)
                    return uniqueViolation(plan.pointerOf(field) + u"/unique"_s, field);
                return q.error();
            }
        }
    }

    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    const bool rewrite = !plan.removed.isEmpty() || !plan.fill.isEmpty();
    if (rewrite || !plan.keysToBuild.isEmpty()) {
        auto records = allRecords(name);
        if (!records)
            return records.error();
        qint64 bytesDelta = 0;
        for (const Record &r : records.value()) {
            QJsonObject data = r.data;
            for (const QString &field : plan.removed)
                data.remove(field);
            QList<const FieldDefinition *> filledKeys;
            for (const FieldDefinition &f : plan.fill) {
                if (data.contains(f.name))
                    continue;
                data.insert(f.name, f.defaultValue);
                const bool keyedAlready = f.indexed && std::none_of(plan.keysToBuild.begin(), plan.keysToBuild.end(),
                                                                    [&f](const FieldDefinition &k) { return k.name == f.name; });
                if (keyedAlready)
                    filledKeys.append(&f);
            }
            if (data != r.data) {
                const QByteArray before = compact(r.data);
                const QByteArray after = compact(data);
                bytesDelta += after.size() - before.size();
                auto q = exec(u"UPDATE records SET data = %1, size_bytes = :size, version = version + 1, updated_at = :now "
                              "WHERE tenant_id = :tenant AND entity = :entity AND id = :id"_s.arg(dataParam()),
                              {{u"data"_s, QString::fromUtf8(after)}, {u"size"_s, after.size()}, {u"now"_s, now},
                               {u"entity"_s, name}, {u"id"_s, r.id}});
                if (!q)
                    return q.error();
            }
            for (const FieldDefinition *f : filledKeys) {
                if (Status ok = insertKey(name, *f, r.id, data.value(f->name), plan.pointerOf(f->name)); !ok)
                    return ok.error();
            }
            for (const FieldDefinition &f : plan.keysToBuild) {
                if (!data.contains(f.name))
                    continue;
                if (Status ok = insertKey(name, f, r.id, data.value(f.name), plan.pointerOf(f.name) + u"/unique"_s); !ok)
                    return ok.error();
            }
        }
        if (Status ok = addUsage(name, 0, bytesDelta); !ok)
            return ok.error();
    }

    const qint64 version = current.schemaVersion + 1;
    const QByteArray fields = compact(fieldsToJson(plan.next.fields));
    auto q = exec(u"UPDATE entities SET schema_version = :version, definition = :definition, updated_at = :now "
                  "WHERE tenant_id = :tenant AND name = :name"_s,
                  {{u"version"_s, version}, {u"definition"_s, QString::fromUtf8(fields)}, {u"now"_s, now}, {u"name"_s, name}});
    if (!q)
        return q.error();
    if (Status ok = saveVersion(name, version, fields, changedBy, now); !ok)
        return ok.error();
    return EntityRow{plan.next, version, current.records, current.createdAt, fromMs(now)};
}

Status RecordStore::deleteEntity(const QString &name)
{
    for (const QString &sql : {u"DELETE FROM record_keys WHERE tenant_id = :tenant AND entity = :name"_s,
                               u"DELETE FROM records WHERE tenant_id = :tenant AND entity = :name"_s,
                               u"DELETE FROM entity_usage WHERE tenant_id = :tenant AND entity = :name"_s,
                               u"DELETE FROM entity_versions WHERE tenant_id = :tenant AND entity = :name"_s,
                               u"DELETE FROM entities WHERE tenant_id = :tenant AND name = :name"_s}) {
        auto q = exec(sql, {{u"name"_s, name}});
        if (!q)
            return q.error();
    }
    return {};
}

Status RecordStore::insertKey(const QString &entity, const FieldDefinition &field, const QString &recordId,
                              const QJsonValue &value, const QString &pointer)
{
    auto q = exec(u"INSERT INTO record_keys (tenant_id, entity, field, record_id, value, is_unique) "
                  "VALUES (:tenant, :entity, :field, :id, :value, :unique)"_s,
                  {{u"entity"_s, entity}, {u"field"_s, field.name}, {u"id"_s, recordId}, {u"value"_s, keyText(value)},
                   {u"unique"_s, field.unique ? 1 : 0}});
    if (!q) {
        if (q.error().code == "unique-violation"_L1)
            return uniqueViolation(pointer, field.name);
        return q.error();
    }
    return {};
}

Status RecordStore::addUsage(const QString &entity, qint64 records, qint64 bytes)
{
    if (records == 0 && bytes == 0)
        return {};
    auto q = exec(u"UPDATE entity_usage SET records = records + :records, bytes = bytes + :bytes "
                  "WHERE tenant_id = :tenant AND entity = :entity"_s,
                  {{u"records"_s, records}, {u"bytes"_s, bytes}, {u"entity"_s, entity}});
    if (!q)
        return q.error();
    return {};
}

Result<Record> RecordStore::insertRecord(const EntityDefinition &entity, const QJsonObject &data)
{
    const QDateTime now = m_clock.now();
    const qint64 ms = now.toMSecsSinceEpoch();
    const QString id = newRecordId(now);
    const QByteArray text = compact(data);
    auto q = exec(u"INSERT INTO records (tenant_id, entity, id, version, data, size_bytes, created_at, updated_at) "
                  "VALUES (:tenant, :entity, :id, 1, %1, :size, :now, :now)"_s.arg(dataParam()),
                  {{u"entity"_s, entity.name}, {u"id"_s, id}, {u"data"_s, QString::fromUtf8(text)},
                   {u"size"_s, text.size()}, {u"now"_s, ms}});
    if (!q)
        return q.error();
    for (const FieldDefinition &f : entity.fields) {
        if (f.indexed && data.contains(f.name)) {
            if (Status ok = insertKey(entity.name, f, id, data.value(f.name), pointerTo(f.name)); !ok)
                return ok.error();
        }
    }
    if (Status ok = addUsage(entity.name, 1, text.size()); !ok)
        return ok.error();
    return Record{id, 1, fromMs(ms), fromMs(ms), data};
}

Result<Record> RecordStore::record(const QString &entity, const QString &id, bool lock)
{
    if (!isRecordId(id))
        return recordNotFound(entity, id);
    const QString forUpdate = lock && m_session.dialect() == Dialect::Postgres ? u" FOR UPDATE"_s : QString();
    auto q = exec(u"SELECT id, version, created_at, updated_at, %1 FROM records "
                  "WHERE tenant_id = :tenant AND entity = :entity AND id = :id"_s.arg(dataColumn()) + forUpdate,
                  {{u"entity"_s, entity}, {u"id"_s, id}});
    if (!q)
        return q.error();
    if (!q->next())
        return recordNotFound(entity, id);
    return recordAt(q.value());
}

Result<Record> RecordStore::updateRecord(const EntityDefinition &entity, const Record &current, const QJsonObject &data)
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    const QByteArray before = compact(current.data);
    const QByteArray after = compact(data);
    auto q = exec(u"UPDATE records SET data = %1, size_bytes = :size, version = version + 1, updated_at = :now "
                  "WHERE tenant_id = :tenant AND entity = :entity AND id = :id"_s.arg(dataParam()),
                  {{u"data"_s, QString::fromUtf8(after)}, {u"size"_s, after.size()}, {u"now"_s, now},
                   {u"entity"_s, entity.name}, {u"id"_s, current.id}});
    if (!q)
        return q.error();
    for (const FieldDefinition &f : entity.fields) {
        if (!f.indexed)
            continue;
        const QJsonValue was = current.data.value(f.name);
        const QJsonValue is = data.value(f.name);
        if (was == is)
            continue;
        if (!was.isUndefined()) {
            auto del = exec(u"DELETE FROM record_keys WHERE tenant_id = :tenant AND entity = :entity AND field = :field "
                            "AND record_id = :id"_s,
                            {{u"entity"_s, entity.name}, {u"field"_s, f.name}, {u"id"_s, current.id}});
            if (!del)
                return del.error();
        }
        if (!is.isUndefined()) {
            if (Status ok = insertKey(entity.name, f, current.id, is, pointerTo(f.name)); !ok)
                return ok.error();
        }
    }
    if (Status ok = addUsage(entity.name, 0, after.size() - before.size()); !ok)
        return ok.error();
    return Record{current.id, current.version + 1, current.createdAt, fromMs(now), data};
}

Status RecordStore::deleteRecord(const EntityDefinition &entity, const Record &current)
{
    const QVariantMap key{{u"entity"_s, entity.name}, {u"id"_s, current.id}};
    auto keys = exec(u"DELETE FROM record_keys WHERE tenant_id = :tenant AND entity = :entity AND record_id = :id"_s, key);
    if (!keys)
        return keys.error();
    auto q = exec(u"DELETE FROM records WHERE tenant_id = :tenant AND entity = :entity AND id = :id"_s, key);
    if (!q)
        return q.error();
    return addUsage(entity.name, -1, -qint64(compact(current.data).size()));
}

Result<RecordPage> RecordStore::list(const QString &entity, const ListQuery &query)
{
    const SqlStatement st = listStatement(query, entity, m_session.dialect());
    auto q = exec(st.sql, st.values);
    if (!q)
        return q.error();
    RecordPage page;
    while (q->next())
        page.items.append(recordAt(q.value()));
    if (page.items.size() > query.limit) {
        page.items.resize(query.limit);
        const Record &last = page.items.constLast();
        ListPosition at{QJsonValue(QJsonValue::Null), last.id};
        switch (query.sort.kind) {
        case ListColumn::Kind::Id: at.value = last.id; break;
        case ListColumn::Kind::CreatedAt: at.value = last.createdAt.toMSecsSinceEpoch(); break;
        case ListColumn::Kind::UpdatedAt: at.value = last.updatedAt.toMSecsSinceEpoch(); break;
        case ListColumn::Kind::Field:
            at.value = last.data.contains(query.sort.field) ? last.data.value(query.sort.field) : QJsonValue(QJsonValue::Null);
            break;
        }
        page.nextCursor = encodeCursor(query, at);
    }
    return page;
}

} // namespace Tenantry::Records
