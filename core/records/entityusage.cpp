#include "core/records/entityusage.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Records {

Result<qint64> usedBytes(Storage::TenantSession &session)
{
    auto q = session.exec(u"SELECT COALESCE(SUM(bytes), 0) FROM entity_usage WHERE tenant_id = :tenant"_s);
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<QHash<QString, qint64>> recordCounts(Storage::TenantSession &session)
{
    auto q = session.exec(u"SELECT entity, records FROM entity_usage WHERE tenant_id = :tenant"_s);
    if (!q)
        return q.error();
    QHash<QString, qint64> out;
    while (q->next())
        out.insert(q->value(0).toString(), q->value(1).toLongLong());
    return out;
}

} // namespace Tenantry::Records
