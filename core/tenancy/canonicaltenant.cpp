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
    if (text.isEmpty())
        return false;
    // A lookup only: asking about a string must not make the pool keep it.
    Pool &p = pool();
    QMutexLocker lock(&p.mutex);
    const auto it = p.strings.constFind(text);
    return it != p.strings.cend() && it.value().constData() == text.constData();
}

namespace {

quint32 numberLocked(Pool &p, const QString &id)
{
    if (id.isEmpty())
        return 0;
    const auto it = p.numbers.constFind(id);
    if (it != p.numbers.cend())
        return it.value();
    if (quint32(p.numbers.size()) + 1 >= kMaxTenantNumber)
        return 0;
    const quint32 number = quint32(p.numbers.size()) + 1;
    p.numbers.insert(canonicalLocked(p, id), number);
    return number;
}

} // namespace

quint32 tenantNumber(const QString &id)
{
    Pool &p = pool();
    QMutexLocker lock(&p.mutex);
    return numberLocked(p, id);
}

Tenant canonicalTenant(Tenant tenant)
{
    Pool &p = pool();
    QMutexLocker lock(&p.mutex); // once per tenant: a directory reload canonicalizes them all
    tenant.number = numberLocked(p, tenant.id);
    for (QString *text : {&tenant.id, &tenant.plan, &tenant.isolation, &tenant.config.timeZone}) {
        if (!text->isEmpty())
            *text = canonicalLocked(p, *text);
    }
    return tenant;
}

} // namespace Tenantry
