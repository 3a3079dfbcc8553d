#include "core/storage/dataspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {

DirectoryDataSpace::DirectoryDataSpace(const QString &dataDir)
    : m_root(QDir(dataDir).filePath(u"tenants"_s))
{
}

QString DirectoryDataSpace::pathFor(const Tenant &tenant) const
{
    return QDir(m_root).filePath(tenant.id);
}

Status DirectoryDataSpace::create(const Tenant &tenant)
{
    const QString path = pathFor(tenant);
    if (tenant.id.isEmpty() || tenant.id.contains(u'/') || tenant.id.contains(u".."_s))
        return Error::internal(u"Refusing a data space for a malformed tenant id."_s);
    if (!QDir().mkpath(path))
        return Error::unavailable(u"data-space-failed"_s, u"Cannot create the tenant's data directory %1."_s.arg(path));
    QSaveFile manifest(QDir(path).filePath(u"tenant.json"_s));
    const QJsonObject body{{u"id"_s, tenant.id}, {u"slug"_s, tenant.slug}, {u"isolation"_s, tenant.isolation}};
    if (!manifest.open(QIODevice::WriteOnly) || manifest.write(QJsonDocument(body).toJson()) < 0
        || !manifest.commit()) {
        QDir(path).removeRecursively();
        return Error::unavailable(u"data-space-failed"_s, u"Cannot write the tenant's manifest in %1."_s.arg(path));
    }
    return {};
}

Status DirectoryDataSpace::destroy(const Tenant &tenant)
{
    if (tenant.id.isEmpty() || tenant.id.contains(u'/') || tenant.id.contains(u".."_s))
        return Error::internal(u"Refusing to remove a data space for a malformed tenant id."_s);
    QDir dir(pathFor(tenant));
    if (dir.exists() && !dir.removeRecursively())
        return Error::unavailable(u"data-space-failed"_s, u"Cannot remove %1."_s.arg(dir.path()));
    return {};
}

Result<qint64> DirectoryDataSpace::usedBytes(const Tenant &tenant) const
{
    const QString &tenantId = tenant.id;
    if (tenantId.isEmpty() || tenantId.contains(u'/') || tenantId.contains(u".."_s))
        return Error::internal(u"Refusing to measure a data space for a malformed tenant id."_s);
    const QString path = QDir(m_root).filePath(tenantId);
    const QFileInfo root(path);
    if (!root.exists())
        return qint64(0);
    if (!root.isDir() || !root.isReadable())
        return Error::unavailable(u"data-space-failed"_s, u"Cannot read the tenant's data directory %1."_s.arg(path));
    qint64 total = 0;
    QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

} // namespace Tenantry::Storage
