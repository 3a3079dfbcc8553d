#include "widgets/tenants/tenanttablemodel.h"

#include "core/tenancy/tenantservice.h"
#include "widgets/tenants/tenantloader.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {
namespace {

// Orders plans by what they include rather than alphabetically.
int planRank(const QString &plan)
{
    static const QHash<QString, int> ranks = {
        {u"free"_s, 0}, {u"basic"_s, 1}, {u"pro"_s, 2}, {u"enterprise"_s, 3}};
    return ranks.value(plan, 4);
}

} // namespace

TenantTableModel::TenantTableModel(TenantService *service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    if (service)
        connect(service, &TenantService::tenantChanged, this, &TenantTableModel::applyChange);
}

int TenantTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tenants.size());
}

int TenantTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TenantTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_tenants.size())
        return {};
    const Tenant &t = m_tenants.at(index.row());

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SlugColumn: return t.slug;
        case DisplayNameColumn: return t.config.displayName;
        case StatusColumn: return statusLabel(t.status);
        case PlanColumn: return planLabel(t.plan);
        case IsolationColumn: return isolationLabel(t.isolation);
        case CreatedColumn: return QLocale().toString(t.createdAt.toLocalTime().date(), QLocale::ShortFormat);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == CreatedColumn)
            return QLocale().toString(t.createdAt.toLocalTime(), QLocale::LongFormat);
        if (index.column() == DisplayNameColumn)
            return t.config.displayName;
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn)
            return statusColor(t.status);
        break;
    case Qt::DecorationRole:
        if (index.column() == SlugColumn)
            return QColor::fromString(t.config.themeColor);
        break;
    case SortRole:
        switch (index.column()) {
        case SlugColumn: return t.slug;
        case DisplayNameColumn: return t.config.displayName;
        case StatusColumn: return int(t.status);
        case PlanColumn: return planRank(t.plan);
        case IsolationColumn: return t.isolation;
        case CreatedColumn: return t.createdAt;
        }
        break;
    case TenantRole: return QVariant::fromValue(t);
    case SlugRole: return t.slug;
    case DisplayNameRole: return t.config.displayName;
    case StatusRole: return int(t.status);
    case PlanRole: return t.plan;
    }
    return {};
}

QVariant TenantTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SlugColumn: return tr("Slug");
    case DisplayNameColumn: return tr("Display name");
    case StatusColumn: return tr("Status");
    case PlanColumn: return tr("Plan");
    case IsolationColumn: return tr("Isolation");
    case CreatedColumn: return tr("Created");
    }
    return {};
}

Status TenantTableModel::reload()
{
    if (!m_service)
        return Error::unavailable(u"no-service"_s, tr("The console is not connected to a tenant catalog."));

    Result<QList<Tenant>> all = readAllTenants(*m_service);
    if (!all)
        return all.error();
    setTenants(std::move(all).value());
    return {};
}

void TenantTableModel::setTenants(QList<Tenant> tenants)
{
    beginResetModel();
    m_tenants = std::move(tenants);
    m_tenants.removeIf([](const Tenant &t) { return t.status == TenantStatus::Purged; });
    rebuildIndex();
    endResetModel();
}

void TenantTableModel::applyChange(const Tenant &tenant)
{
    const auto it = m_rowById.constFind(tenant.id);
    if (it == m_rowById.cend()) {
        if (tenant.status == TenantStatus::Purged)
            return;
        const int row = int(m_tenants.size());
        beginInsertRows({}, row, row);
        m_tenants.append(tenant);
        m_rowById.insert(tenant.id, row);
        m_rowBySlug.insert(tenant.slug.toLower(), row);
        endInsertRows();
        return;
    }

    const int row = it.value();
    if (tenant.status == TenantStatus::Purged) {
        beginRemoveRows({}, row, row);
        m_tenants.removeAt(row);
        rebuildIndex();
        endRemoveRows();
        return;
    }
    m_tenants[row] = tenant;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

const Tenant &TenantTableModel::tenantAt(int row) const
{
    return m_tenants.at(row);
}

std::optional<QString> TenantTableModel::slugOf(const QString &tenantId) const
{
    const auto it = m_rowById.constFind(tenantId);
    if (it == m_rowById.cend())
        return std::nullopt;
    return m_tenants.at(it.value()).slug;
}

int TenantTableModel::rowOfSlug(const QString &slug) const
{
    return m_rowBySlug.value(slug.toLower(), -1);
}

QString TenantTableModel::statusLabel(TenantStatus status)
{
    switch (status) {
    case TenantStatus::Pending: return tr("Pending");
    case TenantStatus::Active: return tr("Active");
    case TenantStatus::Suspended: return tr("Suspended");
    case TenantStatus::Deleted: return tr("Deleted");
    case TenantStatus::Purged: return tr("Purged");
    }
    return statusName(status);
}

QString TenantTableModel::planLabel(const QString &plan)
{
    if (plan == "free"_L1)
        return tr("Free");
    if (plan == "basic"_L1)
        return tr("Basic");
    if (plan == "pro"_L1)
        return tr("Pro");
    if (plan == "enterprise"_L1)
        return tr("Enterprise");
    return plan; // a custom plan: its code is the best name we have
}

QString TenantTableModel::isolationLabel(const QString &isolation)
{
    if (isolation == "shared"_L1)
        return tr("Shared tables");
    if (isolation == "schema"_L1)
        return tr("Own schema");
    if (isolation == "database"_L1)
        return tr("Own database");
    return isolation;
}

QColor TenantTableModel::statusColor(TenantStatus status)
{
    // Mid-tone colours so the text stays legible on both light and dark palettes.
    switch (status) {
    case TenantStatus::Pending: return QColor(0x9a, 0x67, 0x00);
    case TenantStatus::Active: return QColor(0x1a, 0x8f, 0x3c);
    case TenantStatus::Suspended: return QColor(0xd1, 0x5b, 0x00);
    case TenantStatus::Deleted: return QColor(0xcf, 0x22, 0x2e);
    case TenantStatus::Purged: return QColor(0x6e, 0x77, 0x81);
    }
    return {};
}

void TenantTableModel::rebuildIndex()
{
    m_rowById.clear();
    m_rowById.reserve(m_tenants.size());
    m_rowBySlug.clear();
    m_rowBySlug.reserve(m_tenants.size());
    for (int row = 0; row < m_tenants.size(); ++row) {
        m_rowById.insert(m_tenants.at(row).id, row);
        m_rowBySlug.insert(m_tenants.at(row).slug.toLower(), row);
    }
}

} // namespace Tenantry::Widgets
