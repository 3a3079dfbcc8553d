#include "core/tenancy/canonicaltenant.h"

#include <QHash>
#include <QMutex>

namespace Tenantry {
namespace {

struct Pool {
    QMutex mutex;
    QHash<QString, QString> strings; // text -> its canonical copy (the key itself)
    QHash<QString, quint32> numbers; // canonical tenant id -> its number
};

Pool &pool()
{
    static Pool *instance = new Pool; // never destroyed: canonical buffers outlive every user
    return *instance;
}

QString canonicalLocked(Pool &p, const QString &text)
{
    const auto it = p.strings.constFind(text);
    if (it != p.strings.cend())
        return it.value();
    // A deep copy: `text` may be a buffer its owner later changes in place.
    QString copy(text.constData(), text.size());
    p.strings.insert(copy, copy);
    return copy;
}

} // namespace

QString canonicalString(const QString &text)
{
    if (text.isEmpty())
        return QString();
    Pool &p = pool();
    QMutexLocker lock(&p.mutex);
    return canonicalLocked(p, text);
}

bool isCanonical(const QString &text)
{
    return !text.isEmpty() && canonicalString(text).constData() == text.constData();
}

quint32 tenantNumber(const QString &id)
{
    if (id.isEmpty())
        return 0;
    Pool &p = pool();
    QMutexLocker lock(&p.mutex);
    const auto it = p.numbers.constFind(id);
    if (it != p.numbers.cend())
        return it.value();
    if (quint32(p.numbers.size()) + 1 >= kMaxTenantNumber)
        return 0;
    const quint32 number = quint32(p.numbers.size()) + 1;
    p.numbers.insert(canonicalLocked(p, id), number);
    return number;
}

Tenant canonicalTenant(Tenant tenant)
{
    tenant.number = tenantNumber(tenant.id);
    tenant.id = canonicalString(tenant.id);
    tenant.plan = canonicalString(tenant.plan);
    tenant.isolation = canonicalString(tenant.isolation);
    tenant.config.timeZone = canonicalString(tenant.config.timeZone);
    return tenant;
}

} // namespace Tenantry
